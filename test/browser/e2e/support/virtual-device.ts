/** The Okta Verify app of this run's simulator (ov-sim/client's VirtualDevice), as the phone would be. */
import { VirtualDevice as Device, type PendingPush, type PushResult } from 'ov-sim/client';
import { simulator } from './control-api.js';

export type { PendingPush, PushResult };

export type VirtualDevice = Device;

export const VirtualDevice = {
  /** The device a user already has (seeded, or enrolled earlier in the test). */
  of: async (login: string): Promise<VirtualDevice> => Device.of(await simulator(), login),
  /** Scans a QR image: the simulator decodes the PNG as a phone camera would. */
  scan: async (qrDataUri: string): Promise<VirtualDevice> => Device.scan(await simulator(), qrDataUri),
  /** Taps an activation link received by email or SMS. */
  tap: async (link: string): Promise<VirtualDevice> => Device.tap(await simulator(), link),
};
