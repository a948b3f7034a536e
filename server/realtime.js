'use strict';

// The realtime channel, with Server-Sent Events. Each page opens one event
// stream under a client id of its own making, then subscribes to channels
// (`conversation:<id>`) with POST and unsubscribes with DELETE. A client
// subscribed twice to a channel is counted twice (and needs two DELETEs),
// so a page that leaks a subscription shows in the stats. When its stream
// closes (the page was refreshed or closed), its subscriptions are dropped.

const CLIENT_ID = /^[\w-]{1,64}$/;
const CHANNEL = /^[a-z][a-z0-9-]*:[\w-]{1,256}$/;
const HEARTBEAT_MS = 20 * 1000;
/** A client that subscribed but never opened its stream is forgotten after this. */
const ORPHAN_MS = 30 * 1000;

function createHub() {
  /** id -> { id, res, channels: Map<channel, count>, orphanTimer } */
  const clients = new Map();
  /** channel -> { subscribed, unsubscribed, dropped } since the last reset */
  let counters = new Map();

  function countersFor(channel) {
    if (!counters.has(channel)) {
      counters.set(channel, { subscribed: 0, unsubscribed: 0, dropped: 0 });
    }
    return counters.get(channel);
  }

  function send(res, event, data) {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  function forget(client) {
    clearTimeout(client.orphanTimer);
    for (const [channel, count] of client.channels) {
      countersFor(channel).dropped += count;
    }
    clients.delete(client.id);
  }

  /** GET /api/realtime/events?client=<id>: the page's event stream. */
  function connect(id, req, res) {
    let client = clients.get(id);
    if (client?.res) client.res.end(); // the same page reconnected
    if (!client) {
      client = { id, res: null, channels: new Map() };
      clients.set(id, client);
    }
    clearTimeout(client.orphanTimer);
    client.res = res;
    req.socket.setTimeout(0);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    send(res, 'ready', { client: id });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      if (client.res === res) forget(client);
    });
  }

  /** Returns how many subscriptions the client now has to the channel. */
  function subscribe(id, channel) {
    let client = clients.get(id);
    if (!client) {
      // The POST can arrive before the page's stream does.
      client = { id, res: null, channels: new Map() };
      client.orphanTimer = setTimeout(() => {
        if (!client.res) forget(client);
      }, ORPHAN_MS);
      client.orphanTimer.unref?.();
      clients.set(id, client);
    }
    const count = (client.channels.get(channel) ?? 0) + 1;
    client.channels.set(channel, count);
    countersFor(channel).subscribed++;
    return count;
  }

  /** Returns the client's remaining count, or null when it had none. */
  function unsubscribe(id, channel) {
    const client = clients.get(id);
    const count = client?.channels.get(channel) ?? 0;
    if (count === 0) return null;
    if (count === 1) client.channels.delete(channel);
    else client.channels.set(channel, count - 1);
    countersFor(channel).unsubscribed++;
    return count - 1;
  }

  /** Sends an event to every connected client subscribed to the channel. */
  function publish(channel, data) {
    let reached = 0;
    for (const client of clients.values()) {
      if (client.res && client.channels.has(channel)) {
        send(client.res, 'message', { channel, ...data });
        reached++;
      }
    }
    return reached;
  }

  /** The channels with at least one live subscription. */
  function liveChannels() {
    const live = new Set();
    for (const client of clients.values()) {
      for (const channel of client.channels.keys()) live.add(channel);
    }
    return [...live];
  }

  function stats() {
    const channels = {};
    let live = 0;
    for (const [channel, c] of counters) channels[channel] = { ...c, live: 0 };
    for (const client of clients.values()) {
      for (const [channel, count] of client.channels) {
        channels[channel] ??= {
          subscribed: 0,
          unsubscribed: 0,
          dropped: 0,
          live: 0,
        };
        channels[channel].live += count;
        live += count;
      }
    }
    const connected = [...clients.values()].filter((c) => c.res).length;
    return { channels, live, clients: connected };
  }

  /** Zeroes the counters; live subscriptions stay, they are the pages' state. */
  function resetStats() {
    counters = new Map();
  }

  function close() {
    for (const client of clients.values()) {
      clearTimeout(client.orphanTimer);
      client.res?.end();
    }
    clients.clear();
  }

  return {
    connect,
    subscribe,
    unsubscribe,
    publish,
    liveChannels,
    stats,
    resetStats,
    close,
  };
}

module.exports = { createHub, CLIENT_ID, CHANNEL };
