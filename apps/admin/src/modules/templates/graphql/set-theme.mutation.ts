import { graphql } from "../../../gql";

/** Sets theme fields on a tenant (updateTenant; the fields not given are unchanged). */
export const SetTemplateThemeMutation = graphql(`
  mutation SetTemplateTheme($id: ID!, $theme: ThemeInput!) {
    updateTenant(id: $id, input: { theme: $theme }) {
      id
      theme {
        primaryColor
        accentColor
        logoUrl
        fontFamily
      }
    }
  }
`);
