/**
 * The kiosk's side of the tenant's custom fields: the form itself, its schema handling and the API's error
 * mapping live in @qline/ticket-form (shared with the admin's preview); this adds the screen's language.
 */
import type { RJSFValidationError } from "@rjsf/utils";
import type { Messages } from "../../i18n/messages";

export { extensionValidator, fieldErrorTarget, fieldOrder, formSchema, hasFields, inputFieldErrors, serverErrorSchema, type Extensions } from "@qline/ticket-form";

/** Ajv's English messages → the screen's language, by keyword. */
export function localizeErrors(t: Messages) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((error) => {
      const v = t.validation;
      const params = (error.params ?? {}) as Record<string, unknown>;
      const message = (() => {
        switch (error.name) {
          case "required":
            return v.required;
          case "type":
            return v.type;
          case "minimum":
          case "exclusiveMinimum":
            return v.minimum(params.limit);
          case "maximum":
          case "exclusiveMaximum":
            return v.maximum(params.limit);
          case "minLength":
            return v.minLength(params.limit);
          case "maxLength":
            return v.maxLength(params.limit);
          case "pattern":
            return v.pattern;
          case "format":
            return v.format;
          case "enum":
          case "const":
            return v.enum;
          default:
            return error.message;
        }
      })();
      return { ...error, message };
    });
}

