export { Alert, type AlertTone } from './Alert';
export { Button, buttonClassName, type ButtonProps, type ButtonVariant } from './Button';
export { Card } from './Card';
export { ConfirmDialog } from './ConfirmDialog';
export { Select, type SelectOption } from './Select';
export { Skeleton } from './Skeleton';
export { Spinner } from './Spinner';
export { TextField } from './TextField';
export { WholeNumberField } from './WholeNumberField';
