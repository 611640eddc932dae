export { ExtensionForm, type ExtensionFormProps } from "./ExtensionForm.js";
export { extensionValidator, fieldErrorTarget, fieldOrder, formSchema, hasFields, inputFieldErrors, serverErrorSchema, type Extensions } from "./extension-form.js";
