import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Connection } from '@temporalio/client';
import { Public } from '../auth/access.decorators';
import { DataSource } from 'typeorm';

type Check = 'up' | 'down';

const CHECK_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Connection) private readonly temporal: Connection,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'PostgreSQL and Temporal both answer' })
  @ApiServiceUnavailableResponse({ description: 'At least one of them does not' })
  async check(): Promise<{ status: 'ok'; checks: Record<string, Check> }> {
    const [database, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    const checks = { database, temporal };
    if (database === 'down' || temporal === 'down') {
      throw new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message: `Not ready: ${JSON.stringify(checks)}`, checks });
    }
    return { status: 'ok', checks };
  }
}

async function probe(check: () => Promise<unknown>): Promise<Check> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref())]);
    return 'up';
  } catch {
    return 'down';
  }
}
