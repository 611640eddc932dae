import { graphql } from "../../../gql";

/** The server's VAPID application server key ("" when Web Push is off there). */
export const WebPushPublicKeyQuery = graphql(`
  query WebPushPublicKey {
    webPushPublicKey
  }
`);
