// The .NET type names PowerShell scripts write, and the canonical name plush's runtime knows each by.
#include "lang/powershell/dotnet_types.h"

#include <map>
#include <set>

#include "lang/command_words.h"

namespace plush::lang::powershell {

namespace {

// Written (lower case, without "system.") -> canonical.
const std::map<std::string, std::string>& names() {
  static const std::map<std::string, std::string> table = [] {
    std::map<std::string, std::string> t = {
        {"int", "int"}, {"int32", "int"}, {"long", "long"}, {"int64", "long"}, {"short", "short"}, {"int16", "short"},
        {"byte", "byte"}, {"sbyte", "sbyte"}, {"uint", "uint"}, {"uint32", "uint"}, {"ulong", "ulong"}, {"uint64", "ulong"},
        {"ushort", "ushort"}, {"uint16", "ushort"}, {"double", "double"}, {"float", "float"}, {"single", "float"},
        {"decimal", "decimal"}, {"bigint", "bigint"}, {"numerics.biginteger", "bigint"},
        {"string", "string"}, {"char", "char"}, {"bool", "bool"}, {"boolean", "bool"},
        {"datetime", "datetime"}, {"timespan", "timespan"}, {"guid", "guid"},
        {"object", "object"}, {"psobject", "psobject"}, {"management.automation.psobject", "psobject"},
        {"pscustomobject", "pscustomobject"}, {"management.automation.pscustomobject", "pscustomobject"},
        {"hashtable", "hashtable"}, {"collections.hashtable", "hashtable"}, {"ordered", "ordered"},
        {"collections.specialized.ordereddictionary", "ordered"},
        {"array", "array"}, {"object[]", "array"},
        {"regex", "regex"}, {"text.regularexpressions.regex", "regex"},
        {"switch", "switch"}, {"management.automation.switchparameter", "switch"},
        {"void", "void"}, {"scriptblock", "scriptblock"}, {"management.automation.scriptblock", "scriptblock"},
        {"math", "math"}, {"environment", "environment"}, {"io.path", "path"}, {"io.file", "file"},
        {"io.directory", "directory"}, {"convert", "convert"},
        {"collections.arraylist", "arraylist"}, {"text.stringbuilder", "stringbuilder"},
        {"version", "version"}, {"uri", "uri"}, {"mailaddress", "mailaddress"}, {"net.mail.mailaddress", "mailaddress"},
        {"char[]", "char[]"}, {"datetimeoffset", "datetime"},
        {"string[]", "string[]"}, {"int[]", "int[]"}, {"long[]", "long[]"}, {"double[]", "double[]"},
        {"bool[]", "bool[]"}, {"hashtable[]", "hashtable[]"}, {"pscustomobject[]", "pscustomobject[]"},
        {"psobject[]", "psobject[]"}, {"datetime[]", "datetime[]"}, {"guid[]", "guid[]"}, {"byte[]", "byte[]"},
        {"dbnull", "dbnull"},
    };
    for (const char* e : {"exception", "systemexception", "argumentexception", "argumentnullexception",
                          "argumentoutofrangeexception", "invalidoperationexception", "notsupportedexception",
                          "notimplementedexception", "unauthorizedaccessexception", "dividebyzeroexception",
                          "formatexception", "invalidcastexception", "overflowexception", "nullreferenceexception",
                          "timeoutexception", "io.ioexception", "io.filenotfoundexception", "io.directorynotfoundexception",
                          "net.webexception", "net.http.httprequestexception", "collections.generic.keynotfoundexception"}) {
      std::string key(e);
      std::string shortName = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
      t[key] = "exception:" + shortName;
    }
    for (const char* e : {"runtimeexception", "actionpreferencestopexception", "commandnotfoundexception",
                          "parameterbindingexception", "itemnotfoundexception", "methodinvocationexception",
                          "psinvalidcastexception", "validationmetadataexception", "pipelinestoppedexception",
                          "psargumentexception", "psinvalidoperationexception", "psargumentnullexception",
                          "psargumentoutofrangeexception", "parseexception", "sessionstateexception",
                          "itemnotfoundexception", "propertynotfoundexception", "psnotsupportedexception"}) {
      std::string shortName(e);
      t["management.automation." + shortName] = "exception:" + shortName;
      t[shortName] = "exception:" + shortName;
    }
    t["microsoft.powershell.commands.httpresponseexception"] = "exception:httpresponseexception";
    return t;
  }();
  return table;
}

std::string withoutSystem(std::string s) {
  if (s.rfind("system.", 0) == 0) s.erase(0, 7);
  return s;
}

}  // namespace

std::string canonicalType(std::string_view written) {
  std::string key = withoutSystem(lowerAscii(written));
  auto it = names().find(key);
  if (it != names().end()) return it->second;
  // Generic collections: List[T], HashSet[T], Dictionary[K,V], their element types checked.
  auto generic = [&](const char* prefix) {
    std::string p = prefix;
    if (key.rfind(p + "[", 0) != 0 || key.back() != ']') return false;
    std::string inner = key.substr(p.size() + 1, key.size() - p.size() - 2);
    size_t comma = inner.find(',');
    while (!inner.empty()) {
      std::string part = inner.substr(0, comma);
      if (canonicalType(part).empty()) return false;
      if (comma == std::string::npos) break;
      inner = inner.substr(comma + 1);
      comma = inner.find(',');
    }
    return true;
  };
  if (generic("collections.generic.list")) return "list";
  if (generic("collections.generic.hashset")) return "hashset";
  if (generic("collections.generic.dictionary") || generic("collections.generic.sorteddictionary")) return "dictionary";
  if (generic("collections.generic.queue")) return "queue";
  // T[] for any known T
  if (key.size() > 2 && key.compare(key.size() - 2, 2, "[]") == 0) {
    std::string element = canonicalType(key.substr(0, key.size() - 2));
    if (!element.empty() && element.find('[') == std::string::npos && element.rfind("exception:", 0) != 0) return element + "[]";
  }
  return "";
}

bool isForeignModuleType(std::string_view written) {
  std::string key = lowerAscii(written);
  return key.rfind("microsoft.graph", 0) == 0 || key.rfind("microsoft.online", 0) == 0 ||
         key.rfind("microsoft.open", 0) == 0 || key.rfind("microsoft.identity", 0) == 0 ||
         key.rfind("microsoft.azure", 0) == 0;
}

bool hasStaticMembers(const std::string& canonical) {
  static const std::set<std::string> types = {
      "int", "long", "short", "byte", "uint", "ulong", "double", "float", "decimal", "string", "char", "bool",
      "datetime", "timespan", "guid", "math", "environment", "path", "file", "directory", "convert", "regex",
      "list", "arraylist", "hashtable", "ordered", "hashset", "dictionary", "stringbuilder", "pscustomobject",
      "array", "queue", "version"};
  return types.count(canonical) > 0;
}

}  // namespace plush::lang::powershell
