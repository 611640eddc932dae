import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ExtensionSchemaEditor } from "../components/ExtensionSchemaEditor";
import { checkExtensionSchemaText, exampleSchema } from "../schema-check";

const schema = {
  type: "object",
  properties: {
    reason: { type: "string", title: "Reason for visit", enum: ["Collection", "Return"] },
    items: { type: "integer", title: "Number of items", minimum: 1, maximum: 20 },
    stepFree: { type: "boolean", title: "Needs step-free access" },
    email: { type: "string", format: "email", title: "Email" },
  },
  required: ["reason"],
  additionalProperties: false,
};

const editor = () => screen.getByLabelText("JSON Schema (draft 2020-12)");
const setSchemaText = (text: string) => fireEvent.change(editor(), { target: { value: text } });

describe("extension schema checks", () => {
  it("accepts the example and refuses what the API refuses", () => {
    expect(checkExtensionSchemaText(JSON.stringify(exampleSchema)).ok).toBe(true);
    expect(checkExtensionSchemaText("{ nope")).toMatchObject({ ok: false, message: expect.stringContaining("Not valid JSON") });
    expect(checkExtensionSchemaText('{"type":"array"}')).toMatchObject({ ok: false, message: expect.stringContaining('"type" must be "object"') });
    expect(checkExtensionSchemaText('{"type":"object","properties":{"a":{"type":"strin"}}}')).toMatchObject({ ok: false, message: expect.stringContaining("Invalid JSON Schema") });
    // strict mode: unknown keywords are mistakes, as on the server
    expect(checkExtensionSchemaText('{"type":"object","propertes":{}}')).toMatchObject({ ok: false });
  });
});

describe("ExtensionSchemaEditor", () => {
  it("validates before save: an invalid schema shows why next to the editor and cannot be saved", () => {
    const onSave = vi.fn();
    render(<ExtensionSchemaEditor schema={schema} version={3} canEdit saving={false} onSave={onSave} />);
    setSchemaText('{"type": "array"}');
    expect(editor()).toHaveAttribute("aria-invalid", "true");
    expect(editor()).toHaveAccessibleDescription(expect.stringContaining('"type" must be "object"'));
    expect(screen.getByRole("button", { name: "Save schema" })).toBeDisabled();
    expect(screen.getByText("Fix the schema to see the form.")).toBeInTheDocument();
  });

  it("previews the kiosk form: labelled controls by type, required marks, live validation", async () => {
    render(<ExtensionSchemaEditor schema={schema} version={3} canEdit saving={false} onSave={vi.fn()} />);
    const preview = screen.getByRole("form", { name: "Kiosk form preview" });
    const reason = within(preview).getByLabelText("Reason for visit *");
    expect(reason.tagName).toBe("SELECT");
    expect(within(preview).getByLabelText("Number of items")).toHaveAttribute("type", "number");
    expect(within(preview).getByLabelText("Email")).toHaveAttribute("type", "email");
    expect(within(preview).getByRole("checkbox", { name: "Needs step-free access" })).toBeInTheDocument();

    await userEvent.type(within(preview).getByLabelText("Number of items"), "50");
    expect(within(preview).getByLabelText("Number of items")).toHaveAccessibleDescription("must be <= 20");
    expect(within(preview).getByLabelText("Reason for visit *")).toHaveAccessibleDescription("Required");
    expect(within(preview).getByRole("status")).toHaveTextContent("would be refused");

    await userEvent.clear(within(preview).getByLabelText("Number of items"));
    await userEvent.type(within(preview).getByLabelText("Number of items"), "2");
    await userEvent.selectOptions(reason, "Return");
    expect(within(preview).getByRole("status")).toHaveTextContent("would be accepted");
  });

  it("saves the parsed schema and shows the API's field error next to the editor", async () => {
    const onSave = vi.fn().mockResolvedValue({ message: "Invalid JSON Schema", code: "BAD_USER_INPUT", fields: { "schema/type": 'must be "object"' } });
    render(<ExtensionSchemaEditor schema={null} version={null} canEdit saving={false} onSave={onSave} />);
    setSchemaText(JSON.stringify(schema));
    await userEvent.click(screen.getByRole("button", { name: "Save schema" }));
    expect(onSave).toHaveBeenCalledWith(schema);
    await waitFor(() => expect(editor()).toHaveAccessibleDescription('must be "object"'));
  });

  it("is read-only without lines:manage", () => {
    render(<ExtensionSchemaEditor schema={schema} version={3} canEdit={false} saving={false} onSave={vi.fn()} />);
    expect(screen.queryByRole("button", { name: "Save schema" })).not.toBeInTheDocument();
    expect(screen.getByText("Current schema (version 3)")).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Kiosk form preview" })).toBeInTheDocument();
  });
});
