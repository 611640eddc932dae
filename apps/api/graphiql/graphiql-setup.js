// GraphiQL against this API: queries and mutations over HTTP POST /graphql, subscriptions over graphql-ws at
// the same path. GraphiQL's own introspection query is deeper than the API's depth limit, so it is replaced by
// the server's shallower one (/graphiql/introspection.graphql), which yields the same schema.
/* global React, ReactDOM, GraphiQL */
(function () {
  "use strict";
  var endpoint = new URL("../graphql", window.location.href);
  var introspection = null;

  function introspectionQuery() {
    introspection =
      introspection ||
      fetch("introspection.graphql").then(function (res) {
        if (!res.ok) throw new Error("introspection query: HTTP " + res.status);
        return res.text();
      });
    return introspection;
  }

  async function post(params, headers) {
    var res = await fetch(endpoint, {
      method: "POST",
      headers: Object.assign({ "content-type": "application/json", accept: "application/json" }, headers || {}),
      body: JSON.stringify({ query: params.query, variables: params.variables, operationName: params.operationName }),
    });
    return res.json();
  }

  // A minimal graphql-transport-ws client for one subscription: yields each `next` payload until complete.
  function subscribe(params, headers) {
    var wsUrl = new URL(endpoint);
    wsUrl.protocol = wsUrl.protocol === "https:" ? "wss:" : "ws:";
    var queue = [];
    var waiting = null;
    var done = false;
    var socket = new WebSocket(wsUrl, "graphql-transport-ws");
    function push(item) {
      if (waiting) {
        var resolve = waiting;
        waiting = null;
        resolve(item);
      } else queue.push(item);
    }
    function finish(item) {
      if (done) return;
      done = true;
      push(item);
    }
    socket.onopen = function () {
      var authorization = headers && (headers.authorization || headers.Authorization);
      socket.send(JSON.stringify({ type: "connection_init", payload: authorization ? { authorization: authorization } : {} }));
    };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "connection_ack") socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: params }));
      else if (message.type === "next") push({ value: message.payload, done: false });
      else if (message.type === "error") {
        push({ value: { errors: message.payload }, done: false });
        finish({ value: undefined, done: true });
      } else if (message.type === "complete") finish({ value: undefined, done: true });
      else if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
    };
    socket.onclose = function (event) {
      if (!done) push({ value: { errors: [{ message: "Socket closed: " + event.code + " " + event.reason }] }, done: false });
      finish({ value: undefined, done: true });
    };
    return {
      [Symbol.asyncIterator]: function () {
        return this;
      },
      next: function () {
        if (queue.length) return Promise.resolve(queue.shift());
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise(function (resolve) {
          waiting = resolve;
        });
      },
      return: function () {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ id: "1", type: "complete" }));
        socket.close(1000);
        finish({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  // GraphiQL passes the parsed document; without it, a leading `subscription` keyword decides.
  function isSubscription(params, document) {
    if (!document) return /^\s*subscription\b/.test(params.query);
    var operations = document.definitions.filter(function (d) {
      return d.kind === "OperationDefinition";
    });
    var chosen = params.operationName
      ? operations.find(function (d) {
          return d.name && d.name.value === params.operationName;
        })
      : operations[0];
    return Boolean(chosen && chosen.operation === "subscription");
  }

  async function fetcher(params, options) {
    var headers = options && options.headers;
    if (params.operationName === "IntrospectionQuery") {
      return post({ query: await introspectionQuery(), operationName: "IntrospectionQuery" }, headers);
    }
    if (isSubscription(params, options && options.documentAST)) return subscribe(params, headers);
    return post(params, headers);
  }

  // A link may carry the query to open: /graphiql/?query=...
  var linked = new URLSearchParams(window.location.search).get("query");
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: linked || "# Public queries need no credentials; add `{\"authorization\": \"Bearer …\"}` under Headers.\n{\n  __typename\n}\n",
      shouldPersistHeaders: false,
    }),
  );
})();
