/**
 * The stop waits for route handlers whose client went away (in-flight.ts): Fastify's close()
 * resolves once the connections have ended, while such a handler is still running.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { trackHandlers } from './in-flight.js';

describe('trackHandlers', () => {
  it('keeps counting a handler whose client went away after close() has resolved, and says when it is done', async () => {
    const app = Fastify({ forceCloseConnections: 'idle' });
    const tracker = trackHandlers(app);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const hasStarted = new Promise<void>((r) => (started = r));
    let finished = false;
    app.get('/api/slow', async () => {
      started();
      await released;
      finished = true;
      return { ok: true };
    });
    // Static files and other non-async handlers are left alone (they send later).
    app.get('/page', (_request, reply) => {
      setTimeout(() => reply.send('late'), 10);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const late = await fetch(`http://127.0.0.1:${port}/page`);
    expect(await late.text()).toBe('late');

    const client = httpRequest({ host: '127.0.0.1', port, path: '/api/slow' });
    client.on('error', () => {});
    client.end();
    await hasStarted;
    expect(tracker.running()).toBe(1);
    // The client goes away: its connection ends, its handler goes on.
    client.destroy();
    await app.close();
    expect(finished).toBe(false);
    expect(tracker.running()).toBe(1);
    expect(await tracker.idle(20)).toBe(false);

    const idle = tracker.idle(5_000);
    release();
    expect(await idle).toBe(true);
    expect(finished).toBe(true);
    expect(tracker.running()).toBe(0);
  });
});
