// The demo has two backends with the same seeded records: server/data.js
// behind `npm start` and the e2e suite, and the in-page memory store
// (tests/dummy/app/demo/memory-store.ts) behind the QUnit suite and the
// benchmark. They are written apart (one runs in Node, one in the page), so
// this checks they have not drifted: every user, conversation, list, search
// and follow-up line the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './support/app.mjs';

const server = createRequire(import.meta.url)(
  '../server/data.js',
).createStore();

async function memoryStore() {
  const source = readFileSync(
    join(ROOT, 'tests', 'dummy', 'app', 'demo', 'memory-store.ts'),
    'utf8',
  );
  // It imports nothing but types, so it runs in Node once they are stripped.
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
    },
  });
  const url = `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`;
  const { default: MemoryStore } = await import(url);
  return new MemoryStore();
}

test('the in-page memory store seeds the same records as server/data.js', async () => {
  const memory = await memoryStore();
  const users = server.users();
  assert.equal(users.length, 20);
  assert.deepEqual(memory.users(), users, 'users');
  for (const user of users) {
    assert.deepEqual(
      memory.user(user.id),
      server.userWithConversations(user),
      `user ${user.id}`,
    );
  }
  const list = server.search();
  assert.equal(list.length, 50);
  assert.deepEqual(memory.conversations(), list, 'the conversation list');
  for (const { id } of list) {
    assert.deepEqual(
      memory.conversation(id),
      server.conversation(id),
      `conversation ${id}`,
    );
  }
  for (const criteria of [
    { q: 'refund', status: 'any' },
    { q: 'hopper', status: 'open' },
    { q: '', status: 'closed' },
  ]) {
    assert.deepEqual(
      memory.conversations({ query: criteria.q, status: criteria.status }),
      server.search(criteria),
      `search ${JSON.stringify(criteria)}`,
    );
  }
  for (let i = 0; i < 3; i++) {
    assert.equal(
      memory.customerWrites('1').message.text,
      server.customerWrites(server.conversation('1')).text,
      `follow-up ${i + 1}`,
    );
  }
});
