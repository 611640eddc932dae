import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { TextField, type TextFieldProps } from "./Field";

type FormTextFieldProps<T extends FieldValues> = Omit<TextFieldProps, "value" | "onChange" | "onBlur" | "error"> & {
  control: Control<T>;
  name: FieldPath<T>;
  /** The API's refusal of this field, shown when the form's own check found nothing. */
  serverError?: string | undefined;
  /** Rewrites what is typed before the form keeps it (a slug in lower case). */
  normalize?: (value: string) => string;
};

/** A text field of a react-hook-form form: its value, its check's message (else the API's) and its blur. */
export function FormTextField<T extends FieldValues>({ control, name, serverError, normalize, ...input }: FormTextFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...input}
          value={typeof field.value === "string" ? field.value : ""}
          onChange={(value) => field.onChange(normalize ? normalize(value) : value)}
          onBlur={field.onBlur}
          error={fieldState.error?.message ?? serverError}
        />
      )}
    />
  );
}
