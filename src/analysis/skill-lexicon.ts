/**
 * The curated skill lexicon: canonical name, category and the aliases people actually write
 * ("k8s" = Kubernetes, "Postgres" = PostgreSQL, "GCP" = Google Cloud). Technical skills live
 * here; business, care and general skills in `skill-lexicon-general.ts`. See
 * `skill-definition.ts` for the `=` (case-sensitive) and `~` (needs context) alias markers.
 */
import { group, type SkillDefinition } from './skill-definition.js';
import { GENERAL_SKILLS } from './skill-lexicon-general.js';

export { CREDENTIALS, type SkillCategory, type SkillDefinition } from './skill-definition.js';

const TECH_SKILLS: SkillDefinition[] = [
  ...group('language', [
    ['JavaScript', 'JS', 'ECMAScript', 'ES6'], ['TypeScript', '=TS'], ['Python', 'Python3'], ['Java', 'J2EE'],
    ['Kotlin'], ['Scala'], ['~Go', 'Golang'], ['=Rust'], ['~C', 'ANSI C'], ['C++', 'cpp'], ['C#', 'csharp', 'C sharp'],
    ['=Ruby'], ['PHP'], ['=Swift'], ['Objective-C', 'ObjC'], ['~R', 'RStudio', 'R programming'], ['SQL', 'T-SQL', 'PL/SQL'],
    ['Bash', 'shell scripting', 'shell scripts'], ['PowerShell'], ['Elixir'], ['Haskell'], ['Clojure'], ['=Dart'],
    ['Perl'], ['=Lua'], ['MATLAB'], ['HTML', 'HTML5'], ['CSS', 'CSS3'],
  ]),
  ...group('frontend', [
    ['=React', 'React.js', 'ReactJS'], ['Angular', 'AngularJS'], ['Vue.js', '=Vue', 'VueJS'], ['Svelte', 'SvelteKit'],
    ['Next.js', 'NextJS'], ['Redux'], ['Tailwind CSS', 'Tailwind'], ['jQuery'], ['Webpack'], ['=Vite'], ['Sass', 'SCSS'],
    ['htmx'], ['web accessibility', 'accessibility', 'a11y', 'WCAG'],
  ]),
  ...group('backend', [
    ['Node.js', '=Node', 'NodeJS'], ['=Express', 'Express.js', 'ExpressJS'], ['NestJS'], ['Django'], ['=Flask'], ['FastAPI'],
    ['=Spring', 'Spring Boot'], ['Ruby on Rails', '=Rails'], ['.NET', 'dotnet', '.NET Core', 'ASP.NET'], ['Laravel'],
    ['GraphQL'], ['REST APIs', '=REST', 'RESTful', 'REST API'], ['gRPC'], ['microservices', 'micro-services', 'microservice'],
    ['Fastify'], ['API design', 'API-first'],
    ['event-driven architecture', 'event-driven', 'event driven', 'event sourcing', 'event streaming'], ['system design', 'distributed systems', 'software architecture'],
  ]),
  ...group('mobile', [['iOS'], ['Android'], ['React Native'], ['Flutter'], ['SwiftUI']]),
  ...group('database', [
    ['PostgreSQL', 'Postgres', 'psql'], ['MySQL', 'MariaDB'], ['SQLite'], ['MongoDB', 'Mongo'], ['Redis'],
    ['Elasticsearch', 'OpenSearch'], ['Cassandra'], ['DynamoDB'], ['=Oracle', 'Oracle Database'],
    ['SQL Server', 'MSSQL', 'Microsoft SQL Server'], ['=Snowflake'], ['BigQuery'], ['Neo4j'],
    ['query tuning', 'query optimisation', 'query optimization'], ['database design', 'schema design'],
  ]),
  ...group('cloud', [
    ['AWS', 'Amazon Web Services'], ['Google Cloud', 'GCP', 'Google Cloud Platform'], ['Azure', 'Microsoft Azure'],
    ['AWS Lambda', '=Lambda'], ['Amazon S3', '=S3'], ['Amazon EC2', 'EC2'], ['serverless'], ['Cloudflare'], ['Heroku'],
    ['Vercel'],
  ]),
  ...group('devops', [
    ['Docker', 'containerised', 'containerized'], ['Kubernetes', 'k8s', 'EKS', 'GKE', 'AKS'], ['Terraform'],
    ['Ansible'], ['CI/CD', 'CI / CD', 'continuous integration', 'continuous delivery', 'continuous deployment', 'CI pipeline'],
    ['GitHub Actions'], ['GitLab CI'], ['Jenkins'], ['Helm'], ['Prometheus'], ['Grafana'], ['Datadog'], ['Linux'],
    ['=Git'], ['observability', 'OpenTelemetry'], ['infrastructure as code', 'infrastructure-as-code', 'IaC'],
    ['site reliability engineering', 'SRE'], ['Nginx'], ['Argo CD', 'ArgoCD'],
  ]),
  ...group('messaging', [
    ['Kafka', 'Apache Kafka'], ['RabbitMQ'], ['Amazon SQS', 'SQS'], ['Google Pub/Sub', 'Pub/Sub'], ['Amazon Kinesis', 'Kinesis'],
  ]),
  ...group('testing', [
    ['unit testing', 'unit tests'], ['integration testing', 'integration tests'],
    ['end-to-end testing', 'end-to-end tests', 'E2E tests', 'E2E testing'], ['TDD', 'test-driven development'],
    ['=Jest'], ['Vitest'], ['Cypress'], ['Playwright'], ['Selenium'], ['pytest'], ['JUnit'],
    ['load testing', 'performance testing', 'k6'], ['contract testing', 'consumer-driven contract testing'],
    ['quality assurance', '=QA'],
  ]),
  ...group('security', [
    ['OAuth', 'OAuth2', 'OAuth 2.0', 'OpenID Connect', 'OIDC'], ['OWASP'], ['penetration testing', 'pen testing', 'pentesting'],
    ['encryption'], ['identity and access management', 'IAM'], ['SOC 2', 'SOC2'], ['GDPR', 'UK GDPR', 'data protection'],
    ['threat modelling', 'threat modeling'], ['SIEM'], ['zero trust'], ['ISO 27001'], ['HIPAA'],
  ]),
  ...group('data', [
    ['data analysis', 'data analytics'], ['=Excel', 'Microsoft Excel', 'spreadsheets'], ['Tableau'], ['Power BI', 'PowerBI'],
    ['=Looker'], ['Apache Spark', '=Spark', 'PySpark'], ['Airflow', 'Apache Airflow'], ['=dbt'],
    ['ETL', 'ELT', 'data pipelines', 'data pipeline'], ['data modelling', 'data modeling'],
    ['data warehousing', 'data warehouse'], ['pandas'], ['NumPy'], ['Hadoop'], ['statistics', 'statistical analysis'],
    ['A/B testing', 'A/B tests', 'A/B test', 'AB testing', 'split testing'], ['HL7 FHIR', 'FHIR', 'HL7'],
  ]),
  ...group('ml', [
    ['machine learning', '=ML'], ['deep learning'], ['PyTorch'], ['TensorFlow'], ['scikit-learn', 'sklearn'],
    ['NLP', 'natural language processing'], ['computer vision'], ['LLMs', 'LLM', 'large language models'], ['MLOps'],
    ['Jupyter'],
  ]),
];

/** Every skill the offline interviewer recognises, technical and general. */
export const SKILL_LEXICON: readonly SkillDefinition[] = [...TECH_SKILLS, ...GENERAL_SKILLS];
