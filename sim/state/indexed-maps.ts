import type { Device, Push } from './types.ts';

/** Keys grouped under another key, in insertion order (a Set per group). */
class Groups<K> {
  private readonly groups = new Map<K, Set<string>>();

  add(group: K, id: string): void {
    const set = this.groups.get(group);
    if (set) set.add(id);
    else this.groups.set(group, new Set([id]));
  }

  remove(group: K, id: string): void {
    const set = this.groups.get(group);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) this.groups.delete(group);
  }

  ids(group: K): Iterable<string> {
    return this.groups.get(group) ?? [];
  }

  clear(): void {
    this.groups.clear();
  }
}

/**
 * The devices by id, and by login: a sign-in asks for a user's devices several times, and scanning
 * every device of the org each time made the simulator's cost grow with its number of users.
 */
export class DeviceMap extends Map<string, Device> {
  private readonly byLogin = new Groups<string>();

  override set(id: string, device: Device): this {
    const old = this.get(id);
    if (old) this.byLogin.remove(old.login, id);
    super.set(id, device);
    this.byLogin.add(device.login, id);
    return this;
  }

  override delete(id: string): boolean {
    const old = this.get(id);
    if (old) this.byLogin.remove(old.login, id);
    return super.delete(id);
  }

  override clear(): void {
    this.byLogin.clear();
    super.clear();
  }

  /** `login`'s devices, oldest first. */
  of(login: string): Device[] {
    return [...this.byLogin.ids(login)].map((id) => this.get(id)!);
  }
}

/** The pushes by id, by the transaction that sent them and by the devices they went to. */
export class PushMap extends Map<string, Push> {
  private readonly byInteraction = new Groups<string>();
  private readonly byDevice = new Groups<string>();

  override set(id: string, push: Push): this {
    this.unindex(id);
    super.set(id, push);
    this.byInteraction.add(push.interactionHandle, id);
    for (const deviceId of push.deviceIds) this.byDevice.add(deviceId, id);
    return this;
  }

  override delete(id: string): boolean {
    this.unindex(id);
    return super.delete(id);
  }

  override clear(): void {
    this.byInteraction.clear();
    this.byDevice.clear();
    super.clear();
  }

  /** The pushes a transaction sent, oldest first. */
  ofInteraction(interactionHandle: string): Push[] {
    return [...this.byInteraction.ids(interactionHandle)].map((id) => this.get(id)!);
  }

  /** The pushes sent to a device, oldest first. */
  toDevice(deviceId: string): Push[] {
    return [...this.byDevice.ids(deviceId)].map((id) => this.get(id)!);
  }

  private unindex(id: string): void {
    const old = this.get(id);
    if (!old) return;
    this.byInteraction.remove(old.interactionHandle, id);
    for (const deviceId of old.deviceIds) this.byDevice.remove(deviceId, id);
  }
}
