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
    expect(checkExtensionSchemaText('{"type":"object","properties":{"a":{"type":"strin"}}}')).toMatchObject({ ok: false, message: expect.stringContaining("Field “a”: type must be one of") });
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

  it("previews the kiosk's own form (@qline/ticket-form): labelled controls by type, required marks, live validation", async () => {
    render(<ExtensionSchemaEditor schema={schema} version={3} canEdit saving={false} onSave={vi.fn()} />);
    const preview = screen.getByRole("form", { name: "Kiosk form preview" });
    const reason = within(preview).getByLabelText(/Reason for visit\s*\*/);
    expect(reason.tagName).toBe("SELECT");
    expect(within(preview).getByLabelText(/Number of items/)).toHaveAttribute("type", "number");
    expect(within(preview).getByLabelText(/^Email/)).toHaveAttribute("type", "email");
    expect(within(preview).getByRole("checkbox", { name: /Needs step-free access/ })).toBeInTheDocument();

    await userEvent.type(within(preview).getByLabelText(/Number of items/), "50");
    await waitFor(() => expect(within(preview).getByText("must be <= 20")).toBeInTheDocument());
    expect(within(preview).getByRole("status")).toHaveTextContent("would be refused");

    await userEvent.clear(within(preview).getByLabelText(/Number of items/));
    await userEvent.type(within(preview).getByLabelText(/Number of items/), "2");
    await userEvent.selectOptions(reason, "Return");
    await waitFor(() => expect(within(preview).getByRole("status")).toHaveTextContent("would be accepted"));
  });

  it("saves the parsed schema and shows the API's field error next to the editor", async () => {
    const onSave = vi.fn().mockResolvedValue({ message: "Invalid JSON Schema", code: "BAD_USER_INPUT", fields: { "schema/type": 'must be "object"' } });
    render(<ExtensionSchemaEditor schema={null} version={null} canEdit saving={false} onSave={onSave} />);
    setSchemaText(JSON.stringify(schema));
    await userEvent.click(screen.getByRole("button", { name: "Save schema" }));
    expect(onSave).toHaveBeenCalledWith({ ...schema, "x-order": ["reason", "items", "stepFree", "email"] });
    await waitFor(() => expect(editor()).toHaveAccessibleDescription('must be "object"'));
  });

  it("is read-only without lines:manage", () => {
    render(<ExtensionSchemaEditor schema={schema} version={3} canEdit={false} saving={false} onSave={vi.fn()} />);
    expect(screen.queryByRole("button", { name: "Save schema" })).not.toBeInTheDocument();
    expect(screen.getByText("Current schema (version 3)")).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Kiosk form preview" })).toBeInTheDocument();
  });

  it("moves a field up or down: the schema's x-order, the preview and what is saved follow", async () => {
    const onSave = vi.fn().mockResolvedValue(null);
    render(<ExtensionSchemaEditor schema={null} version={null} canEdit saving={false} onSave={onSave} />);
    setSchemaText(JSON.stringify(schema));
    const order = () => within(screen.getByRole("list", { name: "Field order" })).getAllByRole("listitem").map((li) => li.textContent?.replace(/[↑↓]/g, "").trim());
    expect(order()).toEqual(["1. reason", "2. items", "3. stepFree", "4. email"]);
    await userEvent.click(screen.getByRole("button", { name: "Move email up" }));
    await userEvent.click(screen.getByRole("button", { name: "Move email up" }));
    expect(order()).toEqual(["1. reason", "2. email", "3. items", "4. stepFree"]);
    expect(JSON.parse((editor() as HTMLTextAreaElement).value)["x-order"]).toEqual(["reason", "email", "items", "stepFree"]);
    const preview = screen.getByRole("form", { name: "Kiosk form preview" });
    const labels = [...preview.querySelectorAll("label")].map((l) => l.textContent);
    expect(labels.indexOf("Email")).toBeLessThan(labels.indexOf("Number of items"));
    expect(screen.getByRole("button", { name: "Move reason up" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Save schema" }));
    expect(onSave).toHaveBeenCalledWith({ ...schema, "x-order": ["reason", "email", "items", "stepFree"] });
  });

  it("keeps a saved schema's field order although jsonb returns its properties sorted, and is not dirty after a save", () => {
    // What the API returns: properties in jsonb's order, the written order in x-order.
    const stored = { ...schema, properties: { email: schema.properties.email, items: schema.properties.items, reason: schema.properties.reason, stepFree: schema.properties.stepFree }, "x-order": ["reason", "items", "stepFree", "email"] };
    render(<ExtensionSchemaEditor schema={stored} version={4} canEdit saving={false} onSave={vi.fn()} />);
    const order = within(screen.getByRole("list", { name: "Field order" })).getAllByRole("listitem").map((li) => li.textContent?.replace(/[↑↓]/g, "").trim());
    expect(order).toEqual(["1. reason", "2. items", "3. stepFree", "4. email"]);
    expect(screen.getByRole("button", { name: "Save schema" })).toBeDisabled();
  });

  it("explains a schema mistake in plain words next to the editor", () => {
    render(<ExtensionSchemaEditor schema={null} version={null} canEdit saving={false} onSave={vi.fn()} />);
    setSchemaText('{"type":"object","required":"name","properties":{"name":{"type":"text"}}}');
    const description = editor().getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    expect(description).toContain("Field “name”: type must be one of");
    expect(description).toContain("The schema's “required” must be an array.");
    expect(description).not.toMatch(/data\/properties|must match a schema in anyOf/);
  });
});
