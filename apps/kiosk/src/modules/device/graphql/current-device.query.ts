import { graphql } from "../../../gql";

/** With the device key: the device's own settings (its lines and the display's message strip). */
export const CurrentDeviceQuery = graphql(`
  query CurrentDevice {
    currentDevice {
      id
      name
      kind
      lineIds
      message
    }
  }
`);
