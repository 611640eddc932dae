import { graphql } from "../../../gql";

export const ResetTemplateFieldMutation = graphql(`
  mutation ResetTemplateField($tenantId: ID!, $template: TemplateKind!, $field: String!) {
    resetTemplateField(tenantId: $tenantId, template: $template, field: $field) {
      id
    }
  }
`);
