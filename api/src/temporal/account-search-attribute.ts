import { ACCOUNT_SEARCH_ATTRIBUTE } from '@call-scheduler/shared/workflow';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Client, Connection } from '@temporalio/client';

const ACCOUNT_ID = defineSearchAttributeKey(ACCOUNT_SEARCH_ATTRIBUTE, SearchAttributeType.KEYWORD);

/**
 * The `AccountId` search attribute, so an operator can list an account's calls in the Temporal Web
 * UI (`AccountId = "…"`). Registered at start-up where missing; a server that refuses (no operator
 * permission, no room for custom attributes) still runs calls, without it.
 */
@Injectable()
export class AccountSearchAttribute implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountSearchAttribute.name);
  private available = false;

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(Connection) private readonly connection: Connection,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const { namespace } = this.client.options;
      const { connection } = this;
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
      if (!customAttributes?.[ACCOUNT_SEARCH_ATTRIBUTE]) {
        await connection.operatorService.addSearchAttributes({
          namespace,
          searchAttributes: { [ACCOUNT_SEARCH_ATTRIBUTE]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD },
        });
      }
      this.available = true;
    } catch (error) {
      this.logger.warn(`Workflows will not carry the ${ACCOUNT_SEARCH_ATTRIBUTE} search attribute: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The search attributes a call's workflow starts with. */
  of(accountId: string): SearchAttributePair[] {
    return this.available ? [{ key: ACCOUNT_ID, value: accountId }] : [];
  }
}
