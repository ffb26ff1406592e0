terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "environment" {
  type    = string
  default = "staging"
}

resource "aws_ecs_cluster" "orders" {
  name = "acme-orders-${var.environment}"
}

resource "aws_security_group" "orders_db" {
  name        = "acme-orders-db-${var.environment}"
  description = "Postgres, reachable from the service only"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

