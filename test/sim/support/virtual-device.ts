/** One Okta Verify device of the simulator, played through the control API as the phone app would. */
import assert from 'node:assert/strict';
import type { ControlApi } from './control-api.ts';

export interface PendingPush {
  id: string;
  login: string;
  /** The numbers offered on the phone for a number challenge. */
  choices?: string[];
}

export class VirtualDevice {
  private constructor(
    private readonly control: ControlApi,
    readonly id: string,
  ) {}

  /** The seeded (or earlier enrolled) device of a user; a user with none fails the test. */
  static async of(control: ControlApi, login: string): Promise<VirtualDevice> {
    const [id] = await control.deviceIds(login);
    assert.ok(id, `${login} has no Okta Verify device`);
    return new VirtualDevice(control, id);
  }

  /** Scans the QR image exactly as the browser received it; the simulator decodes the PNG. */
  static async scan(control: ControlApi, qrDataUri: string): Promise<VirtualDevice> {
    const { deviceId } = await control.call<{ deviceId: string }>('POST', '/devices/enroll', { qr: qrDataUri });
    return new VirtualDevice(control, deviceId);
  }

  /** Taps an activation link sent by email or SMS. */
  static async tap(control: ControlApi, link: string): Promise<VirtualDevice> {
    const { deviceId } = await control.call<{ deviceId: string }>('POST', '/devices/enroll', { link });
    return new VirtualDevice(control, deviceId);
  }

  async pendingPushes(): Promise<PendingPush[]> {
    return (await this.control.call<{ pushes: PendingPush[] }>('GET', `/devices/${this.id}/pushes`)).pushes;
  }

  /** The one push waiting on the phone; a sign-in sends one at a time and withdraws the earlier one. */
  async onlyPush(): Promise<PendingPush> {
    const pushes = await this.pendingPushes();
    assert.equal(pushes.length, 1, `expected one pending push, found ${pushes.length}`);
    return pushes[0];
  }

  async approve(push: PendingPush, number?: string): Promise<'approved' | 'rejected'> {
    const body = { action: 'approve', ...(number === undefined ? {} : { number }) };
    return (await this.control.call<{ result: 'approved' | 'rejected' }>('POST', `/devices/${this.id}/pushes/${push.id}`, body)).result;
  }

  async reject(push: PendingPush): Promise<'approved' | 'rejected'> {
    return (await this.control.call<{ result: 'approved' | 'rejected' }>('POST', `/devices/${this.id}/pushes/${push.id}`, { action: 'reject' })).result;
  }

  async totp(): Promise<string> {
    return (await this.control.call<{ code: string }>('GET', `/devices/${this.id}/totp`)).code;
  }
}
