import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { raw } from 'express';
import helmet from 'helmet';
import { SESSION_COOKIE } from './auth/credentials';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api.config';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { jsonBody } from './errors/json-body';
import { answerUnreadableRequests } from './errors/unreadable-request';
import { createValidationPipe } from './errors/validation';

/** The routes that take many rows in one body. */
const BULK_ROUTES = ['/api/calls/batch', '/api/do-not-call/import'];
const PROVIDER_EVENTS_ROUTE = '/api/provider/events';

/** Builds the API application exactly as it runs, for main.ts and for the tests. */
export async function createApiApp(config: ApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  answerUnreadableRequests(app.getHttpServer());
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(helmet());
  app.use(cookieParser());
  // First: a body parsed by one is not parsed again by the others. A signed callback is checked over its bytes as sent.
  app.use(PROVIDER_EVENTS_ROUTE, raw({ type: 'application/json', limit: '16kb' }));
  app.use(BULK_ROUTES, jsonBody(config.bulkBodyLimit));
  app.use(jsonBody(config.bodyLimit));
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  app.enableCors({ origin: config.webOrigins, credentials: true });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Call Scheduler API')
      .setDescription('Schedule outbound phone calls, start them now, and follow each one to its end.')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (csk_…), made by an admin on the web page or with `npm run accounts -- create-key`' })
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The web app\'s session, set by POST /api/auth/sign-in' })
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('cookie')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
