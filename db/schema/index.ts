export * from './organizations';
export * from './auth';
export * from './crm';
export * from './catalog';
export * from './reservations';
export * from './booking';
export * from './ai';
export * from './platform';
