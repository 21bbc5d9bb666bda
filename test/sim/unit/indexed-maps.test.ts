import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeviceMap, PushMap } from '../../../sim/state/indexed-maps.ts';
import type { Device, Push } from '../../../sim/state/types.ts';

const device = (id: string, login: string): Device => ({
  id,
  login,
  name: id,
  secret: 'S',
  createdAt: 0,
  lastTotpCounter: -1,
});

const push = (id: string, interactionHandle: string, deviceIds: string[]): Push => ({
  id,
  interactionHandle,
  deviceIds,
  createdAt: 0,
  expiresAt: 1,
  status: 'pending',
});

test('DeviceMap finds a login’s devices, oldest first, through set, replace, delete and clear', () => {
  const devices = new DeviceMap();
  devices.set('d1', device('d1', 'ann')).set('d2', device('d2', 'bob')).set('d3', device('d3', 'ann'));
  assert.deepEqual(
    devices.of('ann').map((d) => d.id),
    ['d1', 'd3'],
  );
  assert.deepEqual(devices.of('nobody'), []);
  // The same id given to another login moves to that login.
  devices.set('d1', device('d1', 'bob'));
  assert.deepEqual(
    devices.of('ann').map((d) => d.id),
    ['d3'],
  );
  assert.deepEqual(
    devices.of('bob').map((d) => d.id),
    ['d2', 'd1'],
  );
  assert.equal(devices.delete('d3'), true);
  assert.deepEqual(devices.of('ann'), []);
  devices.clear();
  assert.deepEqual(devices.of('bob'), []);
  assert.equal(devices.size, 0);
});

test('PushMap finds the pushes of a transaction and those sent to a device', () => {
  const pushes = new PushMap();
  pushes.set('p1', push('p1', 'tx1', ['dA', 'dB'])).set('p2', push('p2', 'tx2', ['dB']));
  assert.deepEqual(
    pushes.ofInteraction('tx1').map((p) => p.id),
    ['p1'],
  );
  assert.deepEqual(
    pushes.toDevice('dB').map((p) => p.id),
    ['p1', 'p2'],
  );
  assert.equal(pushes.delete('p1'), true);
  assert.deepEqual(pushes.ofInteraction('tx1'), []);
  assert.deepEqual(
    pushes.toDevice('dB').map((p) => p.id),
    ['p2'],
  );
  assert.deepEqual(pushes.toDevice('dA'), []);
  assert.equal(pushes.delete('p1'), false);
  pushes.clear();
  assert.deepEqual(pushes.toDevice('dB'), []);
});
