// The forms use the API's own input schemas (browser-safe module).
export {
  ApiKeyCreateSchema,
  SignUpSchema,
  UserCreateSchema,
  type ApiKeyCreate,
  type SignUp,
  type UserCreate,
} from '@/lib/auth/schemas';
