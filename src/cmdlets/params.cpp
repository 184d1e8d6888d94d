// Parameter shapes shared by the tenant cmdlets: how users, products and groups are named.
#include "cmdlets/nouns.h"

namespace plush::cmdlets {

shell::Param userParam(const char* name, int position, bool mandatory, bool list, const char* help) {
  return {.name = name, .type = "user", .list = list, .position = position, .mandatory = mandatory,
          .pipeline = "both", .aliases = {"UserPrincipalName", "UserId", "Id"}, .complete = "user", .help = help};
}

shell::Param productParam(const char* name, int position, bool mandatory, bool list, const char* help) {
  return {.name = name, .type = "product", .list = list, .position = position, .mandatory = mandatory,
          .complete = "product", .help = help};
}

shell::Param groupParam(const char* name, int position, bool mandatory, const char* help) {
  return {.name = name, .type = "group", .position = position, .mandatory = mandatory,
          .pipeline = "property", .aliases = {"GroupId"}, .complete = "group", .help = help};
}

}  // namespace plush::cmdlets
