import type { Resolvers } from "../__generated__/resolvers.js";
import { DateScalar, DateTimeScalar } from "./scalars.js";

export const scalarResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
