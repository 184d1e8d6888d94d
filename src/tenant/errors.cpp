// Building and throwing tenant error records.
#include "tenant/errors.h"

namespace plush::tenant {

ErrorRecord makeError(std::string id, std::string category, std::string target, std::string message,
                      std::string recommendation) {
  return ErrorRecord{std::move(id), std::move(category), std::move(target), std::move(message),
                     std::move(recommendation)};
}

void fail(std::string id, std::string category, std::string target, std::string message,
          std::string recommendation) {
  throw TenantError(makeError(std::move(id), std::move(category), std::move(target), std::move(message),
                              std::move(recommendation)));
}

void failInvalidArgument(std::string target, std::string message) {
  fail("InvalidArgument", category::InvalidArgument, std::move(target), std::move(message));
}

}  // namespace plush::tenant
