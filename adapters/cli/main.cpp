#include "adapters/cli/ServiceApp.h"

int main(int argc, char** argv) {
  profkpi::adapters::cli::ServiceApp app;
  return app.start(argc, argv);
}
