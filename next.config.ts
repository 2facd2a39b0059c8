import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Database drivers load files (PGlite's WebAssembly) relative to themselves at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
