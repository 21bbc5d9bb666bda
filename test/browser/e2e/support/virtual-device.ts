/** The Okta Verify app of the simulator, played through its control API as the phone would be. */
import { waitUntil } from '@open-wc/testing';
import { control } from './control-api.js';

export interface PendingPush {
  id: string;
  login: string;
  /** The numbers offered on the phone for a number challenge. */
  choices?: string[];
}

export type PushResult = 'approved' | 'rejected';

export class VirtualDevice {
  private constructor(readonly id: string) {}

  /** The device a user already has (seeded, or enrolled earlier in the test). */
  static async of(login: string): Promise<VirtualDevice> {
    const { deviceIds } = await control<{ deviceIds: string[] }>('GET', `/users/${encodeURIComponent(login)}/devices`);
    if (deviceIds.length !== 1) throw new Error(`${login} has ${deviceIds.length} Okta Verify devices, expected 1`);
    return new VirtualDevice(deviceIds[0]!);
  }

  /** Scans a QR image: the simulator decodes the PNG as a phone camera would. */
  static async scan(qrDataUri: string): Promise<VirtualDevice> {
    return new VirtualDevice((await control<{ deviceId: string }>('POST', '/devices/enroll', { qr: qrDataUri })).deviceId);
  }

  /** Taps an activation link received by email or SMS. */
  static async tap(link: string): Promise<VirtualDevice> {
    return new VirtualDevice((await control<{ deviceId: string }>('POST', '/devices/enroll', { link })).deviceId);
  }

  async pendingPushes(): Promise<PendingPush[]> {
    return (await control<{ pushes: PendingPush[] }>('GET', `/devices/${this.id}/pushes`)).pushes;
  }

  /** Waits for the push notification to arrive on the phone (a sign-in has one at a time). */
  async nextPush(): Promise<PendingPush> {
    let pushes: PendingPush[] = [];
    await waitUntil(async () => (pushes = await this.pendingPushes()).length > 0, 'a push on the phone', { interval: 50, timeout: 15_000 });
    if (pushes.length !== 1) throw new Error(`expected one pending push, found ${pushes.length}`);
    return pushes[0]!;
  }

  async approve(push: PendingPush, number?: string): Promise<PushResult> {
    return this.answer(push, { action: 'approve', ...(number !== undefined && { number }) });
  }

  async reject(push: PendingPush): Promise<PushResult> {
    return this.answer(push, { action: 'reject' });
  }

  /** The six-digit code the app shows now. */
  async totp(): Promise<string> {
    return (await control<{ code: string }>('GET', `/devices/${this.id}/totp`)).code;
  }

  private async answer(push: PendingPush, body: object): Promise<PushResult> {
    return (await control<{ result: PushResult }>('POST', `/devices/${this.id}/pushes/${push.id}`, body)).result;
  }
}
