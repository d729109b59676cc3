import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PGlite } from '@electric-sql/pglite';
import type { Config } from './config';
import type { Db, DbKind } from './db/client';
import { authenticate } from './lib/auth';
import type { Clock } from './lib/clock';
import { errorHandler, notFoundHandler } from './lib/problem';
import { zodValidatorCompiler } from './lib/validation';
import { auditRoutes } from './modules/audit';
import { authRoutes, createAuthService } from './modules/auth';
import { bookingRoutes, createBookingHolds, createBookingService, createBookingSettings } from './modules/bookings';
import { createGroupBookingService, createGroupSettings, groupBookingRoutes } from './modules/group-bookings';
import { createRoomBookingService, roomBookingRoutes } from './modules/room-bookings';
import { calendarRoutes, createCalendarService } from './modules/calendar';
import { cardRoutes, createCardService } from './modules/cards';
import { createReferralService, referralRoutes } from './modules/referrals';
import { activityRoutes, createActivityService } from './modules/activities';
import { createFollowUpRuleService, followUpRuleRoutes } from './modules/follow-up-rules';
import { createJobScheduler, jobRoutes, registerJobs } from './modules/jobs';
import { complaintReportRoutes, createComplaintReportService } from './modules/complaint-reports';
import { complaintRoutes, createComplaintService } from './modules/complaints';
import { createCustomerService, customerRoutes } from './modules/customers';
import { createFollowUpService, followUpRoutes } from './modules/follow-ups';
import { createCustomerExportService, customerExportRoutes } from './modules/customer-export';
import { createCustomerImportService, customerImportRoutes } from './modules/customer-import';
import { createSettingsService, settingsRoutes } from './modules/settings';
import { createNotificationService, notificationRoutes } from './modules/notifications';
import { createResourceService, resourceRoutes } from './modules/resources';
import { createUserService, userRoutes } from './modules/users';
import { createInquiryService, inquiryRoutes } from './modules/inquiries';
import { createKnowledgeService, knowledgeRoutes } from './modules/knowledge';
import { createScriptService, scriptRoutes } from './modules/scripts';
import { createInteractionService, interactionRoutes } from './modules/interactions';
import { amiConfigFromEnv, createTelephonyService, telephonyRoutes, type AmiConfig } from './modules/telephony';
import { createMemoryPubSub, type PubSub } from './lib/pubsub';

export interface Deps {
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  config: Config;
  /** PGlite's handle, for bulk COPY (the customer import); absent on PostgreSQL and in most tests */
  pglite?: PGlite | null;
  /** messages between instances (the screen pop): main.ts gives PostgreSQL's LISTEN/NOTIFY; in-process when absent */
  pubsub?: PubSub;
  /** click-to-call through Asterisk AMI; from the environment (KEFU_AMI_*) when absent, null: not configured */
  ami?: AmiConfig | null;
}

function buildServices(deps: Deps) {
  const settings = createSettingsService(deps);
  // the business calendar: other modules take it as a dep and call calendar.current() per SLA computation
  const calendar = createCalendarService(deps);
  // the department's time zone is the business calendar's (one setting, on the 工作日历 page)
  const timeZone = async () => (await calendar.current()).config.timeZone; // cached
  const customers = createCustomerService({ ...deps, settings, timeZone });
  const complaints = createComplaintService({ ...deps, calendar });
  const resources = createResourceService(deps);
  // the knowledge base answers the inquiries (suggestions, promotion of a good answer)
  const knowledge = createKnowledgeService(deps);
  const interactions = createInteractionService({ ...deps, timeZone });
  // opening hours and the day's schedule are read in the department's zone (the calendar's)
  const bookings = createBookingService({ ...deps, timeZone, resources, settings: createBookingSettings(deps) });
  // group bookings and named rooms take their places as ordinary bookings (docs/decisions/016)
  const holds = createBookingHolds({ ...deps, timeZone, resources, settings: createBookingSettings(deps) });
  // member cards hear bookings (hold, charge, give back a lesson) and merges (cards move) in those transactions
  const cards = createCardService(deps);
  cards.bookingLink.attach(bookings);
  customers.onMerge(cards.moveCardsOnMerge);
  // 转介绍: a referral qualifies (and is rewarded) in the transaction of the new customer's top-up or attendance
  const referrals = createReferralService({ ...deps, timeZone });
  cards.onTopUp((trx, ctx, e) => referrals.qualify(trx, ctx, e.customerId, 'top_up'));
  bookings.on('attended', (trx, ctx, e) => referrals.qualify(trx, ctx, e.customerId, 'attended'));
  // follow-up rules make tasks (a no-show's call at once, in its transaction); the job scheduler runs them and
  // the other timed work once across instances (decision 013); main.ts starts its ticks
  const followUpRules = createFollowUpRuleService({ ...deps, timeZone });
  bookings.on('no_show', followUpRules.onNoShow);
  const jobs = createJobScheduler({ ...deps, timeZone });
  registerJobs(jobs, { ...deps, complaints, followUpRules });
  // bookings: expired waiting-list offers pass to the next in line; an unconfirmed sheet after its deadline warns
  jobs.register({ name: 'bookings.watch', schedule: { everyMinutes: 1 }, leaseMinutes: 5, run: async () => ({ ...(await bookings.waitlist.sweep()), ...(await bookings.sheet.warnOverdue()) }) });
  return {
    auth: createAuthService(deps),
    users: createUserService(deps),
    settings,
    calendar,
    customers,
    customerImports: createCustomerImportService(deps),
    customerExports: createCustomerExportService({ ...deps, settings, customers, timeZone }),
    complaints,
    // 回访: the agent's day, outcomes, records, supervision, KPIs; closes complaint follow-ups through the complaints service
    followUps: createFollowUpService({ ...deps, timeZone, complaints }),
    // reports count in the time zone the deadlines are computed in (the calendar's)
    complaintReports: createComplaintReportService({ ...deps, complaints, timeZone }),
    notifications: createNotificationService(deps),
    knowledge,
    inquiries: createInquiryService({ ...deps, knowledge, timeZone }),
    // the greeting's time of day is the department's (the calendar's zone)
    scripts: createScriptService({ ...deps, timeZone }),
    resources,
    bookings,
    followUpRules,
    jobs,
    groupBookings: createGroupBookingService({ ...deps, timeZone, resources, holds, settings: createGroupSettings(deps) }),
    roomBookings: createRoomBookingService({ ...deps, timeZone, resources, holds }),
    cards,
    referrals,
    activities: createActivityService(deps),
    interactions,
    telephony: createTelephonyService({
      ...deps,
      pubsub: deps.pubsub ?? createMemoryPubSub(),
      ami: deps.ami !== undefined ? deps.ami : amiConfigFromEnv(),
      interactions,
      customers,
    }),
  };
}
export type Services = ReturnType<typeof buildServices>;

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider> & {
  deps: Deps;
  services: Services;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    services: Services;
  }
}

/** The whole HTTP application, on the given database; used by main.ts and by every test. */
export async function buildApp(deps: Deps, opts: { logger?: boolean | object } = {}): Promise<App> {
  const fastify = Fastify({
    logger: opts.logger ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  const app = fastify as unknown as App;
  app.decorate('deps', deps);
  app.decorate('services', buildServices(deps));
  app.addHook('onClose', () => app.services.jobs.stop());
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kefu 客服部管理系统 API', version: deps.config.version },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kefu_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', authenticate(deps.db, deps.clock));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: '健康检查',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }) },
      },
    },
    async () => {
      await deps.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      return { status: 'ok' as const, db: deps.dbKind, version: deps.config.version };
    },
  );

  authRoutes(app);
  userRoutes(app);
  auditRoutes(app);
  settingsRoutes(app);
  calendarRoutes(app);
  customerRoutes(app);
  customerImportRoutes(app);
  customerExportRoutes(app);
  complaintRoutes(app);
  complaintReportRoutes(app);
  notificationRoutes(app);
  resourceRoutes(app);
  bookingRoutes(app);
  groupBookingRoutes(app);
  roomBookingRoutes(app);
  cardRoutes(app);
  referralRoutes(app);
  activityRoutes(app);
  followUpRoutes(app);
  knowledgeRoutes(app);
  inquiryRoutes(app);
  scriptRoutes(app);
  followUpRuleRoutes(app);
  jobRoutes(app);
  interactionRoutes(app);
  telephonyRoutes(app);

  const webDist = deps.config.webDist;
  if (webDist && existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // the web app's own routes (/customers/…) are served its index.html; build files are looked up on
    // request (wildcard: false lists them only once, at start), and a missing one is a 404, never HTML
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return notFoundHandler(req, reply);
      const path = req.url.split('?')[0] ?? '/';
      if (path.startsWith('/assets/')) return reply.sendFile(path.slice(1));
      return reply.sendFile('index.html');
    });
  }
  return app;
}
