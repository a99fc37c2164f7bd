package cn.gov.eco.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI document each service serves at {@code /v3/api-docs} (and the gateway at {@code /openapi/<service>}),
 * with what springdoc cannot know by itself: the title and version, the gateway as the only server, the bearer
 * token (the OIDC access token the gateway passes on), request and response media types instead of {@code *}/{@code *},
 * an operation summary and a described tag for each controller, and the RFC 9457 problem+json answers.
 *
 * <p>Which 4xx an operation answers follows the platform's error handling, one rule each:
 * <ul>
 *   <li>400 {@code invalid-input}: any operation with a request body or a parameter (ProblemHandler);</li>
 *   <li>401: every operation without a valid bearer token; 403: a role or scope the access policy refuses;</li>
 *   <li>404: an operation whose path names a resource ({@code {id}} in the path);</li>
 *   <li>409 and 422: a write (POST, PUT, DELETE) that a lifecycle rule refuses in the resource's present state
 *       ({@code ProblemException} with CONFLICT or UNPROCESSABLE_CONTENT);</li>
 *   <li>413: an upload (multipart) over the size limit.</li>
 * </ul>
 * Statuses an operation declares itself (springdoc's {@code @ApiResponse}, {@code @ResponseStatus}) are kept.
 */
public class OpenApiDocumentation implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String VIOLATION_SCHEMA = "Violation";
    static final String BEARER = "bearerAuth";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final Map<String, String> REASONS = Map.of(
            "400", "Invalid input: the body names each field and the rule it breaks (输入不符合要求)",
            "401", "No valid bearer token (未认证)",
            "403", "The caller's role may not do this (无权操作)",
            "404", "No such resource (资源不存在)",
            "409", "A lifecycle rule refuses this in the resource's present state; nothing changed (状态不允许)",
            "413", "The upload is over the size limit (上传内容过大)",
            "422", "Understood but refused by a rule of the lifecycle; nothing changed (不符合业务规则)");

    private final String serviceName;
    private final String title;
    private final String version;
    private final String gatewayUrl;

    public OpenApiDocumentation(String serviceName, String title, String version, String gatewayUrl) {
        this.serviceName = serviceName;
        this.title = title;
        this.version = version;
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info().title(title).version(version)
                .description("The REST API of " + serviceName + ", reached through the gateway with an OIDC access"
                        + " token. Every error is RFC 9457 problem+json with bilingual titles and details (titleZh,"
                        + " detailZh) and, for invalid input, each field and the rule it breaks.")
                .contact(new Contact().name("Penalty-to-credit-repair lifecycle maintainers"))
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
        openApi.servers(List.of(new Server().url(gatewayUrl).description("the gateway (网关): the only entry point")));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("The OIDC access token of the officer, enterprise or service"));
        components.addSchemas(VIOLATION_SCHEMA, violationSchema());
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        components.getSchemas().remove("ProblemDetail");
        openApi.security(List.of(new SecurityRequirement().addList(BEARER)));

        Set<String> tagNames = new TreeSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method, operation, tagNames)));
        }
        List<Tag> tags = new ArrayList<>();
        for (String name : tagNames) {
            tags.add(new Tag().name(name).description(tagDescription(name)));
        }
        openApi.tags(tags);
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation, Set<String> tagNames) {
        if (operation.getSummary() == null && operation.getOperationId() != null) {
            operation.summary(sentence(operation.getOperationId()));
        }
        if (operation.getTags() != null) {
            tagNames.addAll(operation.getTags());
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().content(concrete(operation.getRequestBody().getContent()));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        // springdoc copies the ProblemHandler's answers (any status, */*) to every operation: replaced by the rules
        var own = new LinkedHashMap<String, ApiResponse>();
        responses.forEach((status, response) -> {
            if (status.startsWith("2") || status.startsWith("3")) {
                own.put(status, response.content(concrete(response.getContent())));
            }
        });
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE || method == PathItem.HttpMethod.PATCH;
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean multipart = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("multipart/form-data");
        List<String> problems = new ArrayList<>();
        if (hasInput) {
            problems.add("400");
        }
        problems.add("401");
        problems.add("403");
        if (path.contains("{")) {
            problems.add("404");
        }
        if (multipart) {
            problems.add("413");
        }
        if (write) {
            problems.add("409");
            problems.add("422");
        }
        var all = new ApiResponses();
        own.forEach(all::addApiResponse);
        for (String status : problems) {
            all.addApiResponse(status, new ApiResponse().description(REASONS.get(status)).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA)))));
        }
        operation.responses(all);
    }

    /** springdoc's {@code *}/{@code *}: JSON for structured bodies, octet-stream for bytes, text for strings. */
    private static Content concrete(Content content) {
        if (content == null || !content.containsKey("*/*")) {
            return content;
        }
        MediaType any = content.remove("*/*");
        Schema<?> schema = any.getSchema();
        String type;
        if (schema != null && "string".equals(schema.getType()) && schema.getFormat() != null
                && Set.of("binary", "byte").contains(schema.getFormat())) {
            type = org.springframework.http.MediaType.APPLICATION_OCTET_STREAM_VALUE;
        } else if (schema != null && "string".equals(schema.getType()) && schema.get$ref() == null) {
            type = org.springframework.http.MediaType.TEXT_PLAIN_VALUE;
        } else {
            type = JSON;
        }
        content.addMediaType(type, any);
        return content;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details, bilingual (zh-CN and English)")
                .addRequiredItem("type").addRequiredItem("title").addRequiredItem("status")
                .addProperty("type", new StringSchema().format("uri").description("urn:cn.gov.eco:problem:<rule>"))
                .addProperty("title", new StringSchema().description("English title"))
                .addProperty("titleZh", new StringSchema().description("中文标题"))
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema().description("English detail"))
                .addProperty("detailZh", new StringSchema().description("中文说明"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("rule", new StringSchema().description("the rule refused, e.g. DATE_OUTSIDE_CALENDAR"))
                .addProperty("violations", new ArraySchema().items(new Schema<>().$ref(VIOLATION_SCHEMA))
                        .description("for invalid input: each field and the rule it breaks"));
    }

    private static Schema<?> violationSchema() {
        return new ObjectSchema().description("One invalid field")
                .addRequiredItem("field").addRequiredItem("rule")
                .addProperty("field", new StringSchema().description("JSON path of the field, e.g. penalties[0].amount"))
                .addProperty("rule", new StringSchema().description("the rule it breaks"))
                .addProperty("messageZh", new StringSchema())
                .addProperty("messageEn", new StringSchema());
    }

    /** {@code registerLead} → "Register lead"; springdoc's operation ids are the handler methods' names. */
    static String sentence(String operationId) {
        String words = operationId.replaceAll("_\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** springdoc names a controller's tag {@code decision-controller}. */
    private String tagDescription(String tag) {
        String subject = tag.replaceFirst("-controller$", "").replace('-', ' ');
        return "The " + subject + " operations of " + serviceName + ".";
    }
}
