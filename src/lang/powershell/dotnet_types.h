// The .NET type names PowerShell scripts write ([int], [datetime], [System.Collections.Generic.List[object]], ...)
// and the canonical name plush's runtime knows each by.
#pragma once

#include <string>
#include <string_view>

namespace plush::lang::powershell {

// The runtime's name for a written type ("int", "string[]", "list", "exception:ItemNotFoundException", ...),
// or "" when plush does not know the type.
std::string canonicalType(std::string_view written);

// Types of other modules' APIs (Microsoft.Graph..., MSOnline, AzureAD) that plush never raises:
// accepted after `catch`, where they simply never match.
bool isForeignModuleType(std::string_view written);

// Types whose static members ([T]::Name) plush provides.
bool hasStaticMembers(const std::string& canonical);

}  // namespace plush::lang::powershell
