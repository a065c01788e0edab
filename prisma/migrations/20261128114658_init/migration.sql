-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETRACTED');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('HIGH', 'MEDIUM', 'LOW', 'UNVERIFIED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('COUNTRY', 'ORGANISATION', 'COALITION');

-- CreateEnum
CREATE TYPE "ActorGroup" AS ENUM ('EU', 'NATO', 'EUROPE', 'NON_EUROPEAN');

-- CreateEnum
CREATE TYPE "ParticipationRole" AS ENUM ('MEMBER', 'OBSERVER', 'PARTNER');

-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('TROOPS', 'MILITARY_HUB', 'PROTECTED_FACILITY', 'HQ_COMMAND', 'AIR_POLICING', 'MARITIME_DEMINING', 'TRAINING_REGENERATION', 'LOGISTICS', 'CEASEFIRE_MONITORING', 'FUNDING', 'BINDING_GUARANTEE', 'REFUSAL');

-- CreateEnum
CREATE TYPE "ConditionTag" AS ENUM ('AFTER_CEASEFIRE', 'AFTER_PEACE_DEAL', 'US_BACKSTOP', 'PARLIAMENT_VOTE', 'OUTSIDE_UKRAINE_ONLY', 'CLEAR_MANDATE', 'ALL_MEMBERS_COMMIT', 'NON_COMBAT_ROLE', 'AWAY_FROM_CONTACT_LINE');

-- CreateEnum
CREATE TYPE "LegalForm" AS ENUM ('TREATY', 'EXECUTIVE_AGREEMENT', 'POLITICAL_DECLARATION', 'STATEMENT', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ParliamentaryApproval" AS ENUM ('NOT_REQUIRED', 'REQUIRED', 'PROMISED', 'PENDING', 'APPROVED', 'REJECTED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "QuantityBasis" AS ENUM ('OFFICIAL', 'REPORTED_ESTIMATE');

-- CreateEnum
CREATE TYPE "QuantityQualifier" AS ENUM ('EXACT', 'ABOUT', 'UP_TO', 'FEWER_THAN', 'AT_LEAST', 'RANGE');

-- CreateEnum
CREATE TYPE "LifecycleStage" AS ENUM ('FLOATED', 'ANNOUNCED', 'CONDITIONAL_OFFER', 'FORMALISED', 'PARLIAMENT_APPROVED', 'DEPLOYED', 'RULED_OUT', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SiteKind" AS ENUM ('MILITARY_HUB', 'PROTECTED_FACILITY', 'HQ', 'COORDINATION_CELL', 'TRAINING_CENTRE', 'BASE');

-- CreateEnum
CREATE TYPE "LocationPrecision" AS ENUM ('UNDISCLOSED', 'COUNTRY', 'REGION', 'CITY');

-- CreateEnum
CREATE TYPE "SiteActorRole" AS ENUM ('LEAD', 'PARTNER');

-- CreateEnum
CREATE TYPE "WordingClass" AS ENUM ('OWN_TROOPS_PEACEKEEPING', 'OWN_TROOPS_STABILISATION', 'OWN_TROOPS_COMBAT', 'ALLIED_TROOPS_IN_UKRAINE', 'GENERAL_SUPPORT');

-- CreateEnum
CREATE TYPE "PollMode" AS ENUM ('ONLINE', 'PHONE', 'FACE_TO_FACE', 'MIXED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('SUMMIT', 'DECLARATION', 'STATEMENT', 'VOTE', 'THREAT', 'REJECTION', 'REPORT', 'MEETING');

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('CLAIM', 'FIGURE');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('CONFIRMED', 'REPORTED', 'DISPUTED', 'UNVERIFIED');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('OFFICIAL_TEXT', 'OFFICIAL_STATEMENT', 'WIRE', 'MEDIA', 'POLL_PUBLISHER', 'COPY', 'SOCIAL', 'REFERENCE');

-- CreateEnum
CREATE TYPE "RevisionAction" AS ENUM ('CREATE', 'UPDATE', 'SUBMIT', 'PUBLISH', 'RETRACT', 'RESTORE', 'IMPORT', 'SEED');

-- CreateTable
CREATE TABLE "Actor" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "iso2" CHAR(2),
    "name" TEXT NOT NULL,
    "nameUk" TEXT,
    "groups" "ActorGroup"[],
    "summary" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "confidence" "Confidence" NOT NULL DEFAULT 'HIGH',
    "singleSource" BOOLEAN NOT NULL DEFAULT false,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoalitionParticipation" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "role" "ParticipationRole" NOT NULL DEFAULT 'MEMBER',
    "joinedOn" DATE,
    "firstRecorded" DATE NOT NULL,
    "leftOn" DATE,
    "note" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "confidence" "Confidence" NOT NULL DEFAULT 'MEDIUM',
    "singleSource" BOOLEAN NOT NULL DEFAULT false,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "CoalitionParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "quantityLow" DECIMAL(14,2),
    "quantityHigh" DECIMAL(14,2),
    "quantityUnit" TEXT,
    "quantityQualifier" "QuantityQualifier",
    "quantityBasis" "QuantityBasis",
    "conditions" "ConditionTag"[],
    "conditionNote" TEXT,
    "legalForm" "LegalForm" NOT NULL DEFAULT 'UNKNOWN',
    "parliamentaryApproval" "ParliamentaryApproval" NOT NULL DEFAULT 'UNKNOWN',
    "requiredResponse" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "confidence" "Confidence" NOT NULL DEFAULT 'MEDIUM',
    "singleSource" BOOLEAN NOT NULL DEFAULT false,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentStage" (
    "id" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "stage" "LifecycleStage" NOT NULL,
    "date" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "note" TEXT,

    CONSTRAINT "CommitmentStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "SiteKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "commitmentId" TEXT,
    "precision" "LocationPrecision" NOT NULL,
    "countryIso2" CHAR(2),
    "region" TEXT,
    "city" TEXT,
    "latitude" DECIMAL(8,5),
    "longitude" DECIMAL(8,5),
    "coordinateSignedOffBy" TEXT,
    "coordinateSignedOffAt" TIMESTAMP(3),
    "isContext" BOOLEAN NOT NULL DEFAULT false,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "confidence" "Confidence" NOT NULL DEFAULT 'MEDIUM',
    "singleSource" BOOLEAN NOT NULL DEFAULT false,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteActor" (
    "siteId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "role" "SiteActorRole" NOT NULL,

    CONSTRAINT "SiteActor_pkey" PRIMARY KEY ("siteId","actorId")
);

-- CreateTable
CREATE TABLE "Poll" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "pollster" TEXT NOT NULL,
    "client" TEXT,
    "fieldworkStart" DATE,
    "fieldworkEnd" DATE NOT NULL,
    "fieldworkPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "countryId" TEXT NOT NULL,
    "sampleSize" INTEGER,
    "mode" "PollMode" NOT NULL DEFAULT 'UNKNOWN',
    "question" TEXT NOT NULL,
    "questionVerbatim" BOOLEAN NOT NULL DEFAULT false,
    "wordingClass" "WordingClass" NOT NULL,
    "support" DECIMAL(5,2),
    "oppose" DECIMAL(5,2),
    "dontKnow" DECIMAL(5,2),
    "note" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "confidence" "Confidence" NOT NULL DEFAULT 'MEDIUM',
    "singleSource" BOOLEAN NOT NULL DEFAULT false,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "date" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "location" TEXT,
    "speaker" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "confidence" "Confidence" NOT NULL DEFAULT 'MEDIUM',
    "singleSource" BOOLEAN NOT NULL DEFAULT false,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventActor" (
    "eventId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,

    CONSTRAINT "EventActor_pkey" PRIMARY KEY ("eventId","actorId")
);

-- CreateTable
CREATE TABLE "EventCommitment" (
    "eventId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,

    CONSTRAINT "EventCommitment_pkey" PRIMARY KEY ("eventId","commitmentId")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "statement" TEXT NOT NULL,
    "actorId" TEXT,
    "valueLow" DECIMAL(16,2),
    "valueHigh" DECIMAL(16,2),
    "valueQualifier" "QuantityQualifier",
    "unit" TEXT,
    "asOf" DATE,
    "asOfPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "verification" "VerificationStatus" NOT NULL,
    "finding" TEXT,
    "origin" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "confidence" "Confidence" NOT NULL DEFAULT 'MEDIUM',
    "singleSource" BOOLEAN NOT NULL DEFAULT false,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "outlet" TEXT NOT NULL,
    "originalOutlet" TEXT,
    "author" TEXT,
    "title" TEXT,
    "publishedOn" DATE,
    "publishedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "kind" "SourceKind" NOT NULL,
    "language" VARCHAR(8),
    "accessedOn" DATE,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT,
    "note" TEXT,
    "actorId" TEXT,
    "participationId" TEXT,
    "commitmentId" TEXT,
    "stageId" TEXT,
    "siteId" TEXT,
    "pollId" TEXT,
    "eventId" TEXT,
    "claimId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "RevisionAction" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "message" TEXT,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" "RevisionAction" NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "revisionId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_iso2_key" ON "Actor"("iso2");

-- CreateIndex
CREATE INDEX "Actor_status_idx" ON "Actor"("status");

-- CreateIndex
CREATE UNIQUE INDEX "CoalitionParticipation_slug_key" ON "CoalitionParticipation"("slug");

-- CreateIndex
CREATE INDEX "CoalitionParticipation_actorId_idx" ON "CoalitionParticipation"("actorId");

-- CreateIndex
CREATE INDEX "CoalitionParticipation_status_idx" ON "CoalitionParticipation"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_slug_key" ON "Commitment"("slug");

-- CreateIndex
CREATE INDEX "Commitment_actorId_idx" ON "Commitment"("actorId");

-- CreateIndex
CREATE INDEX "Commitment_kind_idx" ON "Commitment"("kind");

-- CreateIndex
CREATE INDEX "Commitment_status_idx" ON "Commitment"("status");

-- CreateIndex
CREATE INDEX "CommitmentStage_date_idx" ON "CommitmentStage"("date");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentStage_commitmentId_stage_date_key" ON "CommitmentStage"("commitmentId", "stage", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Site_slug_key" ON "Site"("slug");

-- CreateIndex
CREATE INDEX "Site_status_idx" ON "Site"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Poll_slug_key" ON "Poll"("slug");

-- CreateIndex
CREATE INDEX "Poll_countryId_idx" ON "Poll"("countryId");

-- CreateIndex
CREATE INDEX "Poll_wordingClass_fieldworkEnd_idx" ON "Poll"("wordingClass", "fieldworkEnd");

-- CreateIndex
CREATE INDEX "Poll_status_idx" ON "Poll"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_date_idx" ON "Event"("date");

-- CreateIndex
CREATE INDEX "Event_status_idx" ON "Event"("status");

-- CreateIndex
CREATE INDEX "EventActor_actorId_idx" ON "EventActor"("actorId");

-- CreateIndex
CREATE INDEX "EventCommitment_commitmentId_idx" ON "EventCommitment"("commitmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_slug_key" ON "Claim"("slug");

-- CreateIndex
CREATE INDEX "Claim_actorId_idx" ON "Claim"("actorId");

-- CreateIndex
CREATE INDEX "Claim_verification_idx" ON "Claim"("verification");

-- CreateIndex
CREATE INDEX "Claim_status_idx" ON "Claim"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");

-- CreateIndex
CREATE INDEX "Source_status_idx" ON "Source"("status");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_actorId_idx" ON "Citation"("actorId");

-- CreateIndex
CREATE INDEX "Citation_participationId_idx" ON "Citation"("participationId");

-- CreateIndex
CREATE INDEX "Citation_commitmentId_idx" ON "Citation"("commitmentId");

-- CreateIndex
CREATE INDEX "Citation_stageId_idx" ON "Citation"("stageId");

-- CreateIndex
CREATE INDEX "Citation_siteId_idx" ON "Citation"("siteId");

-- CreateIndex
CREATE INDEX "Citation_pollId_idx" ON "Citation"("pollId");

-- CreateIndex
CREATE INDEX "Citation_eventId_idx" ON "Citation"("eventId");

-- CreateIndex
CREATE INDEX "Citation_claimId_idx" ON "Citation"("claimId");

-- CreateIndex
CREATE INDEX "Revision_createdAt_idx" ON "Revision"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_entityType_entityId_version_key" ON "Revision"("entityType", "entityId", "version");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- AddForeignKey
ALTER TABLE "CoalitionParticipation" ADD CONSTRAINT "CoalitionParticipation_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentStage" ADD CONSTRAINT "CommitmentStage_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteActor" ADD CONSTRAINT "SiteActor_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteActor" ADD CONSTRAINT "SiteActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCommitment" ADD CONSTRAINT "EventCommitment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCommitment" ADD CONSTRAINT "EventCommitment_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_participationId_fkey" FOREIGN KEY ("participationId") REFERENCES "CoalitionParticipation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "CommitmentStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written additions (The Prisma schema language cannot express them; the differ ignores them).

-- A citation ties exactly one record to its source.
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_exactly_one_target" CHECK (
  num_nonnulls("actorId", "participationId", "commitmentId", "stageId", "siteId", "pollId", "eventId", "claimId") = 1
);

-- The audit trail is append-only: UPDATE, DELETE and TRUNCATE are refused.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEntry_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();

-- Poll shares within bounds, and site coordinates only at city precision (defence in depth
-- behind lib/schemas: a location is never stored finer than a city).
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_shares_valid" CHECK (
  (support IS NULL OR support BETWEEN 0 AND 100) AND (oppose IS NULL OR oppose BETWEEN 0 AND 100)
  AND ("dontKnow" IS NULL OR "dontKnow" BETWEEN 0 AND 100)
  AND COALESCE(support, 0) + COALESCE(oppose, 0) + COALESCE("dontKnow", 0) <= 100.5
);
ALTER TABLE "Site" ADD CONSTRAINT "Site_coordinates_city_only" CHECK (
  (latitude IS NULL AND longitude IS NULL)
  OR (precision = 'CITY' AND latitude = round(latitude, 2) AND longitude = round(longitude, 2))
);
