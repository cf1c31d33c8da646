import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** What postgres.js hands its `socket` option: the parsed hosts and ports, or a Unix socket path. */
export interface SocketTarget {
  host: string[];
  port: number[];
  path?: string | false;
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A connected TCP socket with Nagle's algorithm off, for the driver's `socket` option. The driver
 * leaves it on, and each evidence chunk's COPY ends with a short message that then waits for the
 * server's delayed ACK: ~40 ms a chunk, 20 s for a 500 MB video instead of a few. TLS is still the
 * driver's (it negotiates on this socket as on its own), so it is told the host name to check.
 */
export function noDelaySocket(target: SocketTarget): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const host = target.host[0] ?? 'localhost';
    const socket = target.path ? connect(target.path) : connect({ host, port: target.port[0] ?? 5432, noDelay: true });
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () =>
      fail(Object.assign(new Error(`connect timeout to ${host}`), { code: 'CONNECT_TIMEOUT' })),
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.off('error', fail);
      // The driver reads these for TLS's server name, as on the sockets it makes itself.
      Object.assign(socket, { host, port: target.port[0] });
      resolve(socket);
    });
  });
}
