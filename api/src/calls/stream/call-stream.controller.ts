import { CALL_STREAM_EVENT } from '@call-scheduler/shared';
import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { CurrentPrincipal, type Principal } from '../../auth/principal';
import { API_CONFIG, type ApiConfig } from '../../config/api.config';
import { CallFeed } from './call-feed';
import { withHeartbeat } from './with-heartbeat';

@ApiTags('calls')
@Controller('calls')
export class CallStreamController {
  constructor(
    @Inject(CallFeed) private readonly feed: CallFeed,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Sse('stream')
  @ApiOkResponse({
    description: [
      'The live feed of the account\'s call changes, whichever API instance or worker made them: Server-Sent Events on a response that stays open.',
      `- \`${CALL_STREAM_EVENT.call}\`: a call was created or changed; \`data\` is the call as GET /api/calls/{id} shows it, without \`events\`. Of two copies of a call, the higher \`version\` is the newer.`,
      `- \`${CALL_STREAM_EVENT.resync}\`: \`data\` is {}; changes may have been missed, refetch what is shown.`,
      `- \`${CALL_STREAM_EVENT.heartbeat}\`: \`data\` is {}; sent after a silence, so proxies keep the connection open.`,
    ].join('\n'),
    content: { 'text/event-stream': { schema: { type: 'string', example: 'event: call\ndata: {"id":"…","status":"dialing","version":3,…}\n\n' } } },
  })
  stream(@CurrentPrincipal() { accountId }: Principal): Observable<MessageEvent> {
    return withHeartbeat(this.feed.eventsOf(accountId), this.config.streamHeartbeatMs);
  }
}
