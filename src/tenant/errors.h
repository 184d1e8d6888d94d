// Error records with stable ids that every failing tenant operation throws.
#pragma once

#include <stdexcept>
#include <string>

namespace plush::tenant {

// Id is stable (tests and scripts match on it); Message names the target; Recommendation
// is a plush command where one fits.
struct ErrorRecord {
  std::string id, category, target, message, recommendation;
};

class TenantError : public std::runtime_error {
 public:
  explicit TenantError(ErrorRecord r) : std::runtime_error(r.message), record(std::move(r)) {}
  ErrorRecord record;
};

// An error that ends the run, not only the command that met it (a store that cannot be opened):
// cmdlets pass it on as a terminating error instead of reporting it and going on.
class TerminatingError : public TenantError {
 public:
  using TenantError::TenantError;
};

// Categories, as PowerShell names them.
namespace category {
inline constexpr const char* InvalidOperation = "InvalidOperation";
inline constexpr const char* ObjectNotFound = "ObjectNotFound";
inline constexpr const char* PermissionDenied = "PermissionDenied";
inline constexpr const char* LimitsExceeded = "LimitsExceeded";
inline constexpr const char* InvalidArgument = "InvalidArgument";
inline constexpr const char* ResourceBusy = "ResourceBusy";
inline constexpr const char* ResourceUnavailable = "ResourceUnavailable";
inline constexpr const char* InvalidData = "InvalidData";
inline constexpr const char* ResourceExists = "ResourceExists";
inline constexpr const char* OperationStopped = "OperationStopped";
}  // namespace category

ErrorRecord makeError(std::string id, std::string category, std::string target, std::string message,
                      std::string recommendation = {});
[[noreturn]] void fail(std::string id, std::string category, std::string target, std::string message,
                       std::string recommendation = {});
[[noreturn]] void failInvalidArgument(std::string target, std::string message);

}  // namespace plush::tenant
