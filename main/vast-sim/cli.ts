// `npm run sim -- --port 18766 --key demo-key [--fleet demo|empty|large:N] [--speed N]`
// Starts the Vast simulator in the foreground until Ctrl-C.
import { parseArgs } from 'node:util';
import { parseFleetName } from './fleets.js';
import { startSimulator } from './server.js';
import { ScaledClock, SteppedClock } from './sim-clock.js';

const USAGE = `Usage: npm run sim -- [--port 18766] [--key demo-key] [--fleet demo|empty|large:N]
                      [--speed N] [--manual-clock] [--rate-limits]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '18766' },
      host: { type: 'string', default: '127.0.0.1' },
      key: { type: 'string', multiple: true },
      fleet: { type: 'string', default: 'demo' },
      speed: { type: 'string', default: '1' },
      'manual-clock': { type: 'boolean', default: false },
      // Off by default: Vast's real thresholds are undocumented, and the CLI pages faster than 1/s.
      'rate-limits': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const speed = Number(values.speed);
  const fleet = parseFleetName(values.fleet);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number\n${USAGE}`);
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`--speed must be a positive number\n${USAGE}`);
  if (!fleet) throw new Error(`--fleet must be demo, empty or large:N\n${USAGE}`);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    throw new Error('The simulator listens on loopback only (--host 127.0.0.1).');
  }

  const keys = values.key?.length ? values.key : ['demo-key'];
  const sim = await startSimulator({
    port,
    host: values.host,
    fleet,
    clock: values['manual-clock'] ? new SteppedClock() : new ScaledClock(speed),
    keys: Object.fromEntries(keys.map((key) => [key, ['instance_read', 'instance_write', 'user_read'] as const])),
    rateLimits: values['rate-limits'],
  });
  console.log(`Vast simulator: ${sim.url} (fleet ${fleet}, ${sim.fleet.size} instances, speed ×${speed}${values['manual-clock'] ? ', manual clock' : ''}${values['rate-limits'] ? ', rate limits on' : ''})`);
  console.log(`Try: curl -H 'Authorization: Bearer ${keys[0] ?? 'demo-key'}' '${sim.url}/api/v1/instances/?limit=25'`);
  console.log('Control API under /__sim/ (state, seed, advance, keys, credit, faults, rate-limits, instances/:id, requests). Ctrl-C stops.');

  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(code === 'EADDRINUSE' ? 'That port is busy: pick another with --port.' : error instanceof Error ? error.message : String(error));
  process.exit(1);
});
