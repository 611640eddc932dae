/** A lean GraphQL-over-HTTP client (keep-alive sockets, no fetch overhead) for load loops. */
import http from "node:http";

export interface GqlResult<T = Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- load responses are navigated ad hoc
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class GqlClient {
  private readonly agent: http.Agent;
  private readonly target: URL;
  constructor(
    url: string,
    public authorization?: string,
    sockets = 64,
  ) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see GqlResult
    const body = JSON.stringify({ query, variables });
    try {
      return await this.send<T>(body);
    } catch (error) {
      // The server closed an idle keep-alive socket just as we reused it (nothing was processed): retry once.
      if ((error as { staleSocket?: boolean }).staleSocket) return this.send<T>(body);
      throw error;
    }
  }

  private send<T>(body: string): Promise<GqlResult<T>> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            ...(this.authorization ? { authorization: this.authorization } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString()) as GqlResult<T>);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          res.on("error", reject);
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket && (error.code === "ECONNRESET" || error.message === "socket hang up")) Object.assign(error, { staleSocket: true });
        reject(error);
      });
      req.end(body);
    });
  }

  /** Like `request`, but throws on GraphQL errors. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see GqlResult
    const res = await this.request<T>(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL error: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  close(): void {
    this.agent.destroy();
  }
}
