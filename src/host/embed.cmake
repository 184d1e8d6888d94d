# Writes the shell's Lua runtime files into one C++ source, so the binary carries its own runtime.
# Inputs: OUT (the .cpp to write), INPUTS (the .lua files in load order, separated by |), FUNCTION (its name,
# embeddedRuntime by default).
string(REPLACE "|" ";" INPUTS "${INPUTS}")
if(NOT FUNCTION)
  set(FUNCTION embeddedRuntime)
endif()
set(body "// Generated from src/shell/*.lua by src/host/embed.cmake; do not edit.\n#include \"host/embedded_runtime.h\"\nnamespace plush::host {\nconst std::vector<EmbeddedChunk>& ${FUNCTION}() {\n  static const std::vector<EmbeddedChunk> chunks = {\n")
foreach(file ${INPUTS})
  file(READ ${file} text)
  get_filename_component(name ${file} NAME)
  string(APPEND body "    {\"${name}\", R\"plush_lua(${text})plush_lua\"},\n")
endforeach()
string(APPEND body "  };\n  return chunks;\n}\n}  // namespace plush::host\n")
file(WRITE ${OUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
