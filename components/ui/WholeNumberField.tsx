import { TextField, type TextFieldProps } from './TextField';

/** A TextField for a whole number (minutes, days, seats): numeric keypad, integer steps. */
export function WholeNumberField(props: Omit<TextFieldProps, 'type' | 'inputMode'>) {
  return <TextField type="number" inputMode="numeric" step={1} {...props} />;
}
