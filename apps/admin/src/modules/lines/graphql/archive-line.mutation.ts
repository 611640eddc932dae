import { graphql } from "../../../gql";

export const ArchiveLineMutation = graphql(`
  mutation ArchiveLine($id: ID!) {
    archiveLine(id: $id) {
      ...LineFields
    }
  }
`);
