import { DoNotCallRepository, type NewDoNotCallEntry } from '@call-scheduler/db';
import {
  DO_NOT_CALL_LIMITS,
  checkPhoneNumber,
  type DoNotCallEntryDto,
  type DoNotCallImportReport,
  type DoNotCallImportRow,
  type DoNotCallPage,
} from '@call-scheduler/shared';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { InvalidCallInputError } from '../calls/call.errors';
import { phonePrefixOf } from '../calls/phone-search';
import { checkRow } from '../errors/row-validation';
import { NotOnDoNotCallListError, onDoNotCallList } from './do-not-call.errors';
import { AddDoNotCallDto } from './dto/add-do-not-call.dto';
import type { ListDoNotCallQuery } from './dto/list-do-not-call.query';

/** Each account's do-not-call list, and the check every new call of the account passes. */
@Injectable()
export class DoNotCallService {
  constructor(@Inject(DoNotCallRepository) private readonly list: DoNotCallRepository) {}

  async page(accountId: string, { search, after }: ListDoNotCallQuery): Promise<DoNotCallPage> {
    const limit = DO_NOT_CALL_LIMITS.pageSize;
    const { items, total } = await this.list.page(accountId, { prefix: phonePrefixOf(search), after, limit: limit + 1 });
    const shown = items.slice(0, limit);
    return { items: shown, total, nextCursor: items.length > limit ? shown.at(-1)!.phoneNumber : null };
  }

  /** Adds the number, or leaves it as it was listed; `added` says which. */
  async add({ accountId, actor }: Principal, asked: AddDoNotCallDto): Promise<{ entry: DoNotCallEntryDto; added: boolean }> {
    const entry = entryOf(asked);
    const added = await this.list.add(accountId, [entry], actor);
    return { entry: (await this.list.find(accountId, entry.phoneNumber))!, added: added.size > 0 };
  }

  async remove(accountId: string, phoneNumber: string): Promise<void> {
    const e164 = e164Of(phoneNumber);
    if (!(await this.list.remove(accountId, e164))) throw new NotOnDoNotCallListError(e164);
  }

  /** Adds every valid row in one statement; each row is reported, in order, rejected rows with their fields. */
  async import({ accountId, actor }: Principal, entries: unknown[]): Promise<DoNotCallImportReport> {
    const checked = (await Promise.all(entries.map((entry) => checkRow(AddDoNotCallDto, entry)))).map((check) =>
      check.valid ? { valid: true as const, entry: entryOf(check.value) } : check,
    );
    const added = await this.list.add(accountId, checked.flatMap((check) => (check.valid ? [check.entry] : [])), actor);
    const rows = checked.map((check, row): DoNotCallImportRow => {
      if (!check.valid) return { row, status: 'rejected', errors: check.errors };
      const { phoneNumber } = check.entry;
      // A number twice in one import is added by its first row only.
      const status = added.delete(phoneNumber) ? 'added' : 'already listed';
      return { row, status, phoneNumber };
    });
    const count = (status: DoNotCallImportRow['status']) => rows.filter((row) => row.status === status).length;
    return { added: count('added'), alreadyListed: count('already listed'), rejected: count('rejected'), rows };
  }

  /** Why a new call to the E.164 number may not be made: it is on the account's list. */
  async problemFor(accountId: string, phoneNumber: string): Promise<InvalidCallInputError | null> {
    const listed = await this.listed(accountId, [phoneNumber]);
    return listed.size > 0 ? onDoNotCallList() : null;
  }

  /** Which of the E.164 numbers are on the account's list. */
  listed(accountId: string, phoneNumbers: string[]): Promise<Set<string>> {
    return this.list.listed(accountId, phoneNumbers);
  }
}

function entryOf({ phoneNumber, reason }: AddDoNotCallDto): NewDoNotCallEntry {
  return { phoneNumber: e164Of(phoneNumber), reason: reason?.trim() || null };
}

function e164Of(phoneNumber: string): string {
  const phone = checkPhoneNumber(phoneNumber);
  if (!phone.valid) throw new InvalidCallInputError('phoneNumber', phone.reason);
  return phone.e164;
}
