import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

const WAYBILL_STATUSES = ['draft', 'submitted', 'in-transit', 'arrived', 'signed', 'voided'] as const;

const actor = {
  type: 'map',
  properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
} as const;
const party = {
  type: 'map',
  properties: { name: { type: 'string', required: true }, phone: { type: 'string', required: true } },
} as const;
const place = {
  type: 'map',
  properties: { regionCode: { type: 'string', required: true }, address: { type: 'string', required: true } },
} as const;
const crew = {
  type: 'map',
  properties: {
    personId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    certNo: { type: 'string', required: true },
    certValidTo: { type: 'string', required: true },
  },
} as const;

/** The waybill's content: what a correction replaces and a revision keeps. */
export const waybillContent = {
  waybillNo: { type: 'string', required: true },
  category: { type: 'string', required: true },
  shipperEnterpriseId: { type: 'string', required: true },
  shipperEnterpriseName: { type: 'string', required: true },
  shipperRegionCode: { type: 'string', required: true },
  shipper: party,
  consignee: party,
  receiverEnterpriseId: { type: 'string', required: true },
  receiverEnterpriseName: { type: 'string', required: true },
  receiverRegionCode: { type: 'string', required: true },
  loader: party,
  carrier: {
    type: 'map',
    properties: {
      enterpriseId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      permitNo: { type: 'string', required: true },
    },
  },
  vehicle: {
    type: 'map',
    properties: {
      plate: { type: 'string', required: true },
      plateColour: { type: 'string', required: true },
      transportCertNo: { type: 'string', required: true },
      trailerPlate: { type: 'string' },
      tankNo: { type: 'string' },
      tankVolume: { type: 'number' },
    },
  },
  driver: crew,
  escort: crew,
  lines: {
    type: 'list',
    required: true,
    items: {
      type: 'map',
      properties: {
        productName: { type: 'string', required: true },
        unNumber: { type: 'string', required: true },
        hazardClass: { type: 'string', required: true },
        packaging: { type: 'string', required: true },
        packingGroup: { type: 'string', required: true },
        quantity: { type: 'number', required: true },
        unit: { type: 'string', required: true },
        productKey: { type: 'string' },
        codes: { type: 'list', items: { type: 'string' } },
        receivedQuantity: { type: 'number' },
      },
    },
  },
  origin: place,
  destination: place,
  departureDate: { type: 'string', required: true },
  dispatcher: { type: 'string', required: true },
  shipmentId: { type: 'string' },
} as const;

/**
 * An 电子托运单 (issue 13 §4): one per vehicle per trip, in its own partition (collection `waybillDetail`: the
 * waybill, its list rows and its kept revisions). `waybillId` is 128 random bits — the printed QR code's public
 * check page is reachable by it alone, so it must not be guessable. Every change rewrites the whole item with a
 * condition on `version` (two clicks, two tabs: one wins, the other is a 409). A correction bumps `revision` and
 * keeps the content it replaced as a `waybillRevision`.
 */
export const waybillModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'waybill', version: '1', service: SERVICE },
      attributes: {
        waybillId: { type: 'string', required: true },
        ...waybillContent,
        status: { type: WAYBILL_STATUSES, required: true },
        revision: { type: 'number', required: true, default: 1 },
        correctionReason: { type: 'string' },
        createdAt: { type: 'string', required: true },
        createdBy: actor,
        updatedAt: { type: 'string', required: true },
        updatedBy: actor,
        submittedAt: { type: 'string' },
        departedAt: { type: 'string' },
        arrivedAt: { type: 'string' },
        signedAt: { type: 'string' },
        signedBy: actor,
        inboundId: { type: 'string' },
        voidedAt: { type: 'string' },
        voidReason: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          collection: 'waybillDetail',
          pk: { field: 'pk', composite: ['waybillId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );

/** A version a correction replaced, kept whole and readable (the waybill's partition, by revision). */
export const waybillRevisionModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'waybillRevision', version: '1', service: SERVICE },
      attributes: {
        waybillId: { type: 'string', required: true },
        revision: { type: 'number', required: true },
        ...waybillContent,
        /** When and by whom this content was saved, and why (a correction's reason). */
        savedAt: { type: 'string', required: true },
        savedBy: actor,
        reason: { type: 'string' },
        /** When a correction replaced it. */
        replacedAt: { type: 'string', required: true },
      },
      indexes: {
        byWaybill: {
          collection: 'waybillDetail',
          pk: { field: 'pk', composite: ['waybillId'] },
          sk: { field: 'sk', composite: ['revision'] },
        },
      },
    },
    { client, table },
  );

/**
 * A waybill as a list shows it, one row per reader, with the list's columns copied in and rewritten with the
 * waybill in each transaction:
 * - `side` shipper / receiver: the enterprise's own lists, gsi3 enterprise × side, newest first;
 * - `side` origin / destination: the regulators' 物品流向, gsi1 `flow` × category sorted by region code (a
 *   jurisdiction is a `begins_with`), a row at each end's region (one when both ends share it).
 * Drafts have only the shipper's row: nobody else sees them.
 */
export const waybillListingModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'waybillListing', version: '1', service: SERVICE },
      attributes: {
        waybillId: { type: 'string', required: true },
        side: { type: ['shipper', 'receiver', 'origin', 'destination'] as const, required: true },
        /**
         * Each index's composites are its own attributes, present only on the rows it lists (ElectroDB writes a
         * conditional index from all its composites or none): the enterprise whose list it is, its side and sort
         * (createdAt#waybillId) for shipper / receiver rows; the category, region and sort (departureDate#waybillId)
         * for origin / destination rows.
         */
        partyEnterpriseId: { type: 'string' },
        partySide: { type: 'string' },
        partySort: { type: 'string' },
        flowCategory: { type: 'string' },
        flowRegionCode: { type: 'string' },
        flowSort: { type: 'string' },
        waybillNo: { type: 'string', required: true },
        category: { type: 'string', required: true },
        status: { type: WAYBILL_STATUSES, required: true },
        shipperEnterpriseName: { type: 'string', required: true },
        shipperRegionCode: { type: 'string', required: true },
        receiverEnterpriseName: { type: 'string', required: true },
        receiverRegionCode: { type: 'string', required: true },
        /** The parties' ids, for the regulators' 物品流向 link to their 台账 (not on rows written before). */
        shipperEnterpriseId: { type: 'string' },
        receiverEnterpriseId: { type: 'string' },
        carrierName: { type: 'string', required: true },
        plate: { type: 'string', required: true },
        originRegionCode: { type: 'string', required: true },
        destinationRegionCode: { type: 'string', required: true },
        departureDate: { type: 'string', required: true },
        goods: { type: 'string', required: true },
        revision: { type: 'number', required: true },
        createdAt: { type: 'string', required: true },
      },
      indexes: {
        byWaybill: {
          collection: 'waybillDetail',
          pk: { field: 'pk', composite: ['waybillId'] },
          sk: { field: 'sk', composite: ['side'] },
        },
        byParty: {
          index: 'gsi3',
          condition: (a: { partyEnterpriseId?: string }) => Boolean(a.partyEnterpriseId),
          pk: { field: 'gsi3pk', composite: ['partyEnterpriseId', 'partySide'] },
          sk: { field: 'gsi3sk', composite: ['partySort'] },
        },
        byFlow: {
          index: 'gsi1',
          condition: (a: { flowCategory?: string }) => Boolean(a.flowCategory),
          pk: { field: 'gsi1pk', composite: ['flowCategory'] },
          sk: { field: 'gsi1sk', composite: ['flowRegionCode', 'flowSort'] },
        },
      },
    },
    { client, table },
  );

/**
 * 物品流向 between regions, for the chart: one counter per category × level × (from region, to region), ADDed
 * when a waybill is submitted (−1 when it is voided after), in one partition per category that one Query reads.
 */
export const flowCounterModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'flowCounter', version: '1', service: SERVICE },
      attributes: {
        flowCategory: { type: 'string', required: true },
        level: { type: ['city', 'county'] as const, required: true },
        fromRegion: { type: 'string', required: true },
        toRegion: { type: 'string', required: true },
        count: { type: 'number', required: true, default: 0 },
      },
      indexes: {
        byCategory: {
          pk: { field: 'pk', composite: ['flowCategory'] },
          sk: { field: 'sk', composite: ['level', 'fromRegion', 'toRegion'] },
        },
      },
    },
    { client, table },
  );
