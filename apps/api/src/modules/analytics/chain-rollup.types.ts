import { Field, ID, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../common/scalars.js";
import { QueueAnalytics } from "./analytics.types.js";

@ObjectType({ description: "A store of a chain, as the roll-up names it." })
export class ChainStore {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  slug: string;

  @Field(() => Int)
  depth: number;

  @Field(() => ID, { nullable: true })
  parentId: string | null;
}

@ObjectType()
export class ChainStoreAnalytics {
  @Field(() => ChainStore)
  tenant: ChainStore;

  @Field(() => QueueAnalytics)
  analytics: QueueAnalytics;
}

@ObjectType({ description: "One page of a chain roll-up: stores in tree order with their figures, and the page's stores summed." })
export class ChainAnalyticsPage {
  @Field(() => [ChainStoreAnalytics])
  stores: ChainStoreAnalytics[];

  @Field(() => QueueAnalytics, { description: "This page's stores summed (tenantCount = stores on the page)." })
  pageTotals: QueueAnalytics;

  @Field(() => Int, { description: "Unsuspended tenants in the chain, the tenant itself included." })
  totalStores: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
