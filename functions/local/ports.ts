import net from 'node:net';

/** Thrown when a port the local stack needs is taken; the message says which and how to choose another. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
    readonly envVar: string,
  ) {
    super(`端口 ${port} 已被占用（${what}）。请关闭占用它的程序，或换一个端口：${envVar}=<端口> npm start`);
    this.name = 'PortInUseError';
  }
}

/** Resolve when nothing listens on the port; reject with PortInUseError otherwise. */
export function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, what, envVar) : err);
    });
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A free port chosen by the OS (tests and the bench run beside a developer's `npm start`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
