/**
 * Makes @colyseus/sdk use the `ws` package instead of Node's built-in WebSocket, so a test can cut a connection
 * abruptly (`ws.terminate()`: no close frame, like a dropped network). Must be imported before the SDK.
 */
delete (globalThis as { WebSocket?: unknown }).WebSocket;
export {};
