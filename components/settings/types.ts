/** What /api/users and /api/api-keys return (§1). */
export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'staff';
  created_at: string;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

export interface CreatedApiKey extends ApiKeyRecord {
  /** The secret itself: returned once, never again. */
  key: string;
}
