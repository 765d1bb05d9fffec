import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { apiKeysFilePath } from './api-key-store';
import { Authenticator } from './authenticator';
import { devKeyBanner, devKeyWanted, issueDevKey } from './dev-key';

/** Whether the embedded store held no events when the process started (before the register seed). */
export class StoreWasEmpty {
  constructor(readonly value: boolean) {}
}

/** Called by main once the service listens, so a key is only ever printed by a service that started. */
@Injectable()
export class DevKeyIssuer {
  constructor(
    private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
    private readonly storeWasEmpty: StoreWasEmpty,
  ) {}

  /** The banner to print, when a development key was created. */
  issueIfWanted(url: string): string | undefined {
    if (!devKeyWanted(this.config, this.authenticator, this.storeWasEmpty.value)) return undefined;
    const filePath = apiKeysFilePath(this.config);
    return devKeyBanner(issueDevKey(filePath), filePath, url);
  }
}
