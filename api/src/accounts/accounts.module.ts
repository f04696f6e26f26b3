import { AccountRepository, SessionRepository } from '@call-scheduler/db';
import { Module } from '@nestjs/common';
import { AccountAdmin } from './account-admin';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({
  controllers: [AccountsController],
  providers: [
    AccountsService,
    {
      provide: AccountAdmin,
      inject: [AccountRepository, SessionRepository],
      useFactory: (accounts: AccountRepository, sessions: SessionRepository) => new AccountAdmin(accounts, sessions),
    },
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
