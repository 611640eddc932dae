import { graphql } from "../../../gql";

export const SetLinePresetMutation = graphql(`
  mutation SetLinePreset($tenantId: ID!, $input: LinePresetInput!) {
    setLinePreset(tenantId: $tenantId, input: $input) {
      id
    }
  }
`);
