// Validates an OpenAPI document with @apidevtools/swagger-parser (OpenAPI 3.1 schema + structure).
// Usage: node validate-openapi.cjs FILE   (NODE_PATH must reach the installed package)
const SwaggerParser = require('@apidevtools/swagger-parser');
const file = process.argv[2];
SwaggerParser.validate(file)
    .then((api) => {
        console.log(`valid OpenAPI ${api.openapi}: ${Object.keys(api.paths).length} paths`);
    })
    .catch((err) => {
        console.error(`invalid: ${err.message}`);
        process.exit(1);
    });
